// Two versions each of texts with blocks other than articles: a 序言, 附件, and a 决定 without 第X条.
// Written for the tests; each pair changes what the alignment used to miss.

/** 序言 of two paragraphs; the new version rewords the second and adds a third before the articles. */
export const PREAMBLE = {
  old: `某市文明行为促进条例

序言

文明是城市的灵魂。为了培育和践行社会主义核心价值观，提升市民文明素质和城市文明程度，结合本市实际，制定本条例。

本市坚持以人民为中心，弘扬中华优秀传统文化，推动形成崇德向善、见贤思齐的社会风尚。

第一章　总则

第一条　本条例适用于本市行政区域内的文明行为促进工作。

第二条　文明行为促进工作坚持党委领导、政府主导、社会协同、公众参与的原则。
`,
  new: `某市文明行为促进条例

序言

文明是城市的灵魂。为了培育和践行社会主义核心价值观，提升市民文明素质和城市文明程度，结合本市实际，制定本条例。

本市坚持以人民为中心，传承弘扬中华优秀传统文化和革命文化，引导形成崇德向善、见贤思齐的社会风尚。

全体市民应当共同参与文明城市建设，自觉践行文明行为规范。

第一章　总则

第一条　本条例适用于本市行政区域内的文明行为促进工作。

第二条　文明行为促进工作坚持党委领导、政府主导、社会协同、公众参与的原则。
`,
};

const ANNEX_BODY = `某市电梯安全管理条例

第一条　为了加强电梯安全管理，保障人身和财产安全，制定本条例。

第二条　电梯使用单位应当建立电梯安全管理制度，履行附件一所列职责。

第三条　违反本条例规定的，依照附件二所列标准予以处罚。
`;

/**
 * Two annexes: 附件一 of 一、 units with items, 附件二 of numbered lines. The new version edits an item of
 * 附件一 and rewrites a line of 附件二; the articles stay as they were.
 */
export const ANNEXES = {
  old: `${ANNEX_BODY}
附件一　电梯安全管理人员职责

一、建立电梯安全管理制度。

二、组织实施电梯日常巡查：

（一）检查电梯运行情况；

（二）记录检查结果。

附件二　违法行为处罚标准

1. 未按照规定进行定期检验的，处一万元以上三万元以下罚款。

2. 未按照规定设置安全警示标志的，处二千元以上一万元以下罚款。
`,
  new: `${ANNEX_BODY}
附件一　电梯安全管理人员职责

一、建立电梯安全管理制度。

二、组织实施电梯日常巡查：

（一）检查电梯运行情况；

（二）记录并保存检查结果。

附件二　违法行为处罚标准

1. 未按照规定进行维护保养的，处一万元以上三万元以下罚款。

2. 未按照规定设置安全警示标志的，处二千元以上一万元以下罚款。
`,
};

/** The old 附件二 of ANNEXES alone, now numbered 附件一: 附件一 was dropped. */
export const ANNEX_DROPPED = `${ANNEX_BODY}
附件一　违法行为处罚标准

1. 未按照规定进行定期检验的，处一万元以上三万元以下罚款。

2. 未按照规定设置安全警示标志的，处二千元以上一万元以下罚款。
`;

/** A 决定 without articles: 一、 units with paragraphs, items and numbered lines. Every unit changes. */
export const DECISION = {
  old: `某市人民代表大会常务委员会关于加强电梯安全工作的决定

一、总体要求

坚持安全第一、预防为主、综合治理的方针。

（一）落实电梯使用单位主体责任；

（二）强化政府监管责任。

二、工作措施

1. 开展电梯安全隐患排查。

2. 加强电梯日常监督检查。

三、本决定自公布之日起施行。
`,
  new: `某市人民代表大会常务委员会关于加强电梯安全工作的决定

一、总体要求

坚持安全第一、预防为主、综合治理的方针，构建电梯安全共建共治格局。

（一）落实电梯使用单位主体责任；

（二）强化政府监管责任；

（三）发挥行业协会自律作用。

二、工作措施

1. 每年开展一次电梯安全隐患排查。

2. 加强电梯日常监督检查。

三、本决定自2025年1月1日起施行。
`,
};
