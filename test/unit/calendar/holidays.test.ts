import { describe, expect, it } from "vitest";
import { nationalHoliday, nationalHolidaysBetween } from "../../../src/domain/calendar";

const nameOf = (date: string) => nationalHoliday(date)?.name;

describe("national holidays", () => {
  it("knows the 2019 change of era: 即位の日 between two 国民の休日", () => {
    expect(nameOf("2019-04-29")).toBe("昭和の日");
    expect(nameOf("2019-04-30")).toBe("国民の休日");
    expect(nationalHoliday("2019-05-01")).toEqual({ name: "即位の日", nameEn: "Enthronement Day" });
    expect(nameOf("2019-05-02")).toBe("国民の休日");
    expect(nameOf("2019-05-06")).toBe("振替休日");
    expect(nameOf("2019-10-22")).toBe("即位礼正殿の儀の行われる日");
    expect(nameOf("2019-10-14")).toBe("体育の日");
  });

  it("knows the Olympic moves of 2020 and 2021", () => {
    expect(nameOf("2020-07-23")).toBe("海の日");
    expect(nameOf("2020-07-24")).toBe("スポーツの日");
    expect(nameOf("2020-08-10")).toBe("山の日");
    expect(nameOf("2020-07-20")).toBeUndefined();
    expect(nameOf("2020-08-11")).toBeUndefined();
    expect(nameOf("2020-10-12")).toBeUndefined();
    expect(nameOf("2021-07-22")).toBe("海の日");
    expect(nameOf("2021-07-23")).toBe("スポーツの日");
    expect(nameOf("2021-08-08")).toBe("山の日");
    expect(nationalHoliday("2021-08-09")).toEqual({
      name: "振替休日",
      nameEn: "Substitute Holiday",
    });
    expect(nameOf("2021-07-19")).toBeUndefined();
    expect(nameOf("2021-08-11")).toBeUndefined();
    expect(nameOf("2021-10-11")).toBeUndefined();
  });

  it("knows Golden Week 2025 and 2026", () => {
    expect(nameOf("2025-04-29")).toBe("昭和の日");
    expect(nameOf("2025-05-02")).toBeUndefined();
    expect(nameOf("2025-05-03")).toBe("憲法記念日");
    expect(nameOf("2025-05-04")).toBe("みどりの日");
    expect(nameOf("2025-05-05")).toBe("こどもの日");
    expect(nameOf("2025-05-06")).toBe("振替休日");
    expect(nameOf("2025-05-07")).toBeUndefined();
    expect(nameOf("2026-04-29")).toBe("昭和の日");
    expect(nameOf("2026-05-03")).toBe("憲法記念日");
    expect(nameOf("2026-05-04")).toBe("みどりの日");
    expect(nameOf("2026-05-05")).toBe("こどもの日");
    expect(nameOf("2026-05-06")).toBe("振替休日");
    expect(nameOf("2026-05-07")).toBeUndefined();
  });

  it("knows the 国民の休日 of Silver Week", () => {
    expect(nameOf("2015-09-21")).toBe("敬老の日");
    expect(nationalHoliday("2015-09-22")).toEqual({
      name: "国民の休日",
      nameEn: "Citizens' Holiday",
    });
    expect(nameOf("2015-09-23")).toBe("秋分の日");
    expect(nameOf("2026-09-22")).toBe("国民の休日");
  });

  it("has English names and nothing on ordinary days", () => {
    expect(nationalHoliday("2025-01-01")).toEqual({ name: "元日", nameEn: "New Year's Day" });
    expect(nationalHoliday("1989-02-24")?.name).toBe("大喪の礼");
    expect(nationalHoliday("2025-07-10")).toBeUndefined();
    expect(nationalHoliday("2024-12-28")).toBeUndefined();
    expect(nationalHoliday("constructor")).toBeUndefined();
  });

  it("lists the 18 national holidays of FY2025", () => {
    expect(
      nationalHolidaysBetween("2025-04-01", "2026-03-31").map((h) => [h.date, h.name]),
    ).toEqual([
      ["2025-04-29", "昭和の日"],
      ["2025-05-03", "憲法記念日"],
      ["2025-05-04", "みどりの日"],
      ["2025-05-05", "こどもの日"],
      ["2025-05-06", "振替休日"],
      ["2025-07-21", "海の日"],
      ["2025-08-11", "山の日"],
      ["2025-09-15", "敬老の日"],
      ["2025-09-23", "秋分の日"],
      ["2025-10-13", "スポーツの日"],
      ["2025-11-03", "文化の日"],
      ["2025-11-23", "勤労感謝の日"],
      ["2025-11-24", "振替休日"],
      ["2026-01-01", "元日"],
      ["2026-01-12", "成人の日"],
      ["2026-02-11", "建国記念の日"],
      ["2026-02-23", "天皇誕生日"],
      ["2026-03-20", "春分の日"],
    ]);
  });
});
