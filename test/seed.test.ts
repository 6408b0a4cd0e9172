import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { loadDemoData } from "../seeds/load-demo-data";
import { loadSampleComments, SAMPLE_COMMENTS } from "../seeds/sample-comments";
import { loadReportInput } from "../app/reports/report-input.server";
import { compileReport } from "../app/reports/compile";
import { DEMO_PASSWORD, USERS } from "../seeds/demo-data";
import { verifyLogin } from "../app/models/user.server";

/** Every table's full content as one fingerprint per table. */
async function fingerprint(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<Array<{ name: string }>>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<Array<{ n: bigint; h: string | null }>>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${name}" t`,
    );
    result[name] = `${row.n}:${row.h}`;
  }
  return result;
}

describe("demo data", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("loads the organisation, the draft with about 40 articles, and one account per role", async () => {
    await loadDemoData(db.prisma);
    expect(await db.prisma.legislature.count()).toBe(3);
    expect(await db.prisma.contactPoint.count()).toBe(5);
    const roles = new Set((await db.prisma.user.findMany({ select: { role: true } })).map((u) => u.role));
    expect([...roles].sort()).toEqual(["admin", "collector", "deputy", "legislature", "staff"]);
    const articles = await db.prisma.clause.count({ where: { kind: "article" } });
    expect(articles).toBe(40);
    expect(await db.prisma.consultation.count()).toBe(3);
    expect(await db.prisma.forum.count()).toBe(1);
  });

  it("stores the draft as a clause tree: article > paragraph > item, with citations", async () => {
    const item = await db.prisma.clause.findFirstOrThrow({
      where: { citation: "第三条第二项" },
      select: { kind: true, text: true, parent: { select: { kind: true, parent: { select: { kind: true, label: true } } } } },
    });
    expect(item.kind).toBe("item");
    expect(item.text).toContain("使用单位");
    expect(item.parent?.kind).toBe("paragraph");
    expect(item.parent?.parent).toEqual({ kind: "article", label: "第三条" });
    const chapters = await db.prisma.clause.findMany({ where: { kind: { in: ["chapter", "supplementary"] }, parentId: null }, orderBy: { position: "asc" } });
    expect(chapters.map((c) => c.text)).toEqual(["总则", "生产、安装与维护保养", "使用管理", "既有住宅加装电梯", "监督管理", "法律责任", "附则"]);
  });

  it("changes nothing when loaded a second time", async () => {
    const before = await fingerprint(db);
    await loadDemoData(db.prisma);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("lets every demo account log in with the documented password", async () => {
    for (const user of USERS.filter((u) => u.demo)) {
      const loggedIn = await verifyLogin(db.prisma, { username: user.username, password: DEMO_PASSWORD });
      expect(loggedIn?.role).toBe(user.role);
    }
    expect(await verifyLogin(db.prisma, { username: "admin", password: "wrong" })).toBeNull();
  });
});

describe("sample comments for the demo (npm start, db:seed)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma);
  });
  afterAll(() => db.drop());

  it("are stored once, through the comment command, and compile into a report with residents masked", async () => {
    expect(await loadSampleComments(db.prisma)).toBe(SAMPLE_COMMENTS.length);
    expect(await loadSampleComments(db.prisma)).toBe(0);
    expect(await db.prisma.comment.count()).toBe(SAMPLE_COMMENTS.length);
    const anchored = await db.prisma.comment.findFirstOrThrow({ where: { body: "建议将维护保养周期缩短，老旧电梯故障多。" } });
    expect(anchored.anchor).toMatchObject({ quote: { exact: "每十五日" } });
    expect(await db.prisma.comment.count({ where: { receiptNo: { not: null } } })).toBe(SAMPLE_COMMENTS.filter((c) => c.source === "public").length);

    const consultation = await db.prisma.consultation.findFirstOrThrow({ where: { contactPoint: { name: "惠山区前洲街道人大工委" } } });
    const report = compileReport((await loadReportInput(db.prisma, { consultationId: consultation.id, reportVersion: 1 }))!, new Date());
    expect(report.items[0].citation).toBe("总体意见");
    expect(report.items.map((i) => i.citation)).toContain("第十二条第一款");
    const text = JSON.stringify(report);
    expect(text).toContain("张**");
    expect(text).not.toContain("张伟");
    expect(text).not.toContain("13812341234");
  });
});

describe("demo data interrupted half-way", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("leaves the database empty, so the next start loads it again", async () => {
    // The forum is the last row the loader writes: failing there must undo everything before it.
    await db.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_forum() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'interrupted'; END $$ LANGUAGE plpgsql`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_forum BEFORE INSERT ON "Forum" FOR EACH ROW EXECUTE FUNCTION refuse_forum()`);
    await expect(loadDemoData(db.prisma)).rejects.toThrow(/interrupted/);
    expect(await db.prisma.user.count()).toBe(0);
    expect(await db.prisma.legislature.count()).toBe(0);
    expect(await db.prisma.clause.count()).toBe(0);

    await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_forum ON "Forum"`);
    await loadDemoData(db.prisma);
    expect(await db.prisma.forum.count()).toBe(1);
  });
});
