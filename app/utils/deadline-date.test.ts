import { dateValue, deadlineFromDate, earliestDeadlineDate, isAcceptableDeadline } from "./deadline-date";

describe("deadline dates", () => {
  it("ends a chosen date at midnight in Beijing, whatever the server's time zone", () => {
    expect(deadlineFromDate("2026-12-31")!.toISOString()).toBe("2026-12-31T15:59:59.999Z");
    expect(dateValue(deadlineFromDate("2026-12-31")!)).toBe("2026-12-31");
    expect(deadlineFromDate(" 2027-02-28 ")!.toISOString()).toBe("2027-02-28T15:59:59.999Z");
  });

  it("refuses what is not a real yyyy-mm-dd date", () => {
    for (const value of ["", "2026-02-30", "2026-13-01", "2026-1-5", "明天", "2026-12-31T00:00", "12/31/2026"]) {
      expect(deadlineFromDate(value), value).toBeNull();
    }
  });

  it("accepts tomorrow (China time) at the earliest", () => {
    // 2026-11-30 23:30 in Beijing is 15:30 UTC: tomorrow is 12-01 there, though UTC is still on the 30th.
    const now = new Date("2026-11-30T15:30:00Z");
    expect(earliestDeadlineDate(now)).toBe("2026-12-01");
    expect(isAcceptableDeadline(deadlineFromDate("2026-12-01")!, now)).toBe(true);
    expect(isAcceptableDeadline(deadlineFromDate("2026-11-30")!, now)).toBe(false);
    expect(isAcceptableDeadline(deadlineFromDate("2025-01-01")!, now)).toBe(false);
  });
});
