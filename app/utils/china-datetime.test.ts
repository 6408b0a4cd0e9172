import { chinaDateTimeValue, instantFromChinaDateTime } from "./china-datetime";

describe("China date and time of day", () => {
  it("reads 09:30 as 09:30 in Beijing, whatever the server's time zone", () => {
    expect(instantFromChinaDateTime("2026-12-08T09:30")!.toISOString()).toBe("2026-12-08T01:30:00.000Z");
    // Early morning in Beijing is the previous day in UTC.
    expect(instantFromChinaDateTime("2026-12-01T06:05")!.toISOString()).toBe("2026-11-30T22:05:00.000Z");
    expect(instantFromChinaDateTime(" 2026-12-08T09:30:00 ")!.toISOString()).toBe("2026-12-08T01:30:00.000Z");
  });

  it("shows an instant as the China date and time it falls on", () => {
    expect(chinaDateTimeValue(new Date("2026-11-30T22:05:00Z"))).toBe("2026-12-01T06:05");
    expect(chinaDateTimeValue(instantFromChinaDateTime("2027-02-28T23:59")!)).toBe("2027-02-28T23:59");
  });

  it("refuses what is not a real date and time", () => {
    for (const value of ["", "2026-12-08", "2026-02-30T09:00", "2026-12-08T24:00", "2026-12-08T09:60", "2026-12-8T9:30", "明天上午", "2026-12-08 09:30"]) {
      expect(instantFromChinaDateTime(value), value).toBeNull();
    }
  });
});
