// The demo organisation: legislatures, their contact points, one account per role (and a few more).
// Every account's password is DEMO_PASSWORD; the run command prints them and README.md lists them.
import type { Role } from "~/generated/prisma/enums";

export const DEMO_PASSWORD = "lifa2026";

export const LEGISLATURES = [
  { key: "js", name: "江苏省人大常委会法制工作委员会", shortName: "江苏省人大法工委", region: "江苏省" },
  { key: "wx", name: "无锡市人大常委会法制工作委员会", shortName: "无锡市人大法工委", region: "江苏省无锡市" },
  { key: "cz", name: "常州市人大常委会法制工作委员会", shortName: "常州市人大法工委", region: "江苏省常州市" },
] as const;

export type LegislatureKey = (typeof LEGISLATURES)[number]["key"];

export const CONTACT_POINTS: Array<{ key: string; name: string; region: string; address: string; designatedBy: LegislatureKey[] }> = [
  { key: "qianzhou", name: "惠山区前洲街道人大工委", region: "无锡市惠山区", address: "无锡市惠山区前洲街道府前路", designatedBy: ["js", "wx"] },
  { key: "luoshe", name: "洛社镇人大", region: "无锡市惠山区", address: "无锡市惠山区洛社镇人民路", designatedBy: ["wx"] },
  { key: "anyangshan", name: "阳山镇安阳山村", region: "无锡市惠山区", address: "无锡市惠山区阳山镇安阳山村村委会", designatedBy: ["wx"] },
  { key: "zhonglou", name: "钟楼区人大常委会", region: "常州市钟楼区", address: "常州市钟楼区政府大楼", designatedBy: ["cz", "js"] },
  { key: "tianning", name: "天宁区人大常委会", region: "常州市天宁区", address: "常州市天宁区政府大楼", designatedBy: ["cz"] },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  legislature?: LegislatureKey;
  contactPoint?: string;
  /** Shown in the run command's banner and the README. */
  demo?: true;
}

export const USERS: DemoUser[] = [
  { username: "admin", displayName: "系统管理员", role: "admin", demo: true },
  { username: "fagongwei", displayName: "周立法", role: "legislature", legislature: "wx", demo: true },
  { username: "qianzhou", displayName: "陈联络", role: "staff", contactPoint: "qianzhou", demo: true },
  { username: "daibiao", displayName: "王代表", role: "deputy", contactPoint: "qianzhou", demo: true },
  { username: "xinxiyuan", displayName: "李信息", role: "collector", contactPoint: "qianzhou", demo: true },
  { username: "daibiao2", displayName: "赵代表", role: "deputy", contactPoint: "qianzhou" },
  { username: "luoshe", displayName: "孙联络", role: "staff", contactPoint: "luoshe" },
  { username: "luoshe_daibiao", displayName: "钱代表", role: "deputy", contactPoint: "luoshe" },
  { username: "anyangshan", displayName: "吴联络", role: "staff", contactPoint: "anyangshan" },
  { username: "zhonglou", displayName: "郑联络", role: "staff", contactPoint: "zhonglou" },
  { username: "tianning", displayName: "冯联络", role: "staff", contactPoint: "tianning" },
  { username: "fagongwei_cz", displayName: "何立法", role: "legislature", legislature: "cz" },
  { username: "fagongwei_js", displayName: "蒋立法", role: "legislature", legislature: "js" },
];

export const DEMO_DRAFT = {
  legislature: "wx" as LegislatureKey,
  title: "某市电梯安全管理条例（草案）",
  versionLabel: "征求意见稿",
  file: "drafts/elevator-v1.txt",
  consultedContactPoints: ["qianzhou", "luoshe", "anyangshan"],
  deadlineDaysAfterSeed: 30,
};

export const DEMO_FORUM = {
  contactPoint: "qianzhou",
  title: "《某市电梯安全管理条例（草案）》立法征询座谈会",
  location: "前洲街道人大代表之家",
  attendeeCount: 12,
};
