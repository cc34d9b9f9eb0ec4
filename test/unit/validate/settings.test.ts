import { describe, expect, it } from "vitest";
import { type MutableSheets, sheetOf, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render, renderCodes } from "./support";

/** Sets a 設定 value by its Japanese name; returns the sheet row. */
function setSetting(sheets: MutableSheets, name: string, value: unknown): number {
  const rows = sheetOf(sheets, "settings").values;
  const i = rows.findIndex((r) => r[0] === name);
  const row = rows[i];
  if (!row) throw new Error(`no setting ${name}`);
  row[1] = value;
  return i + 1;
}

describe("settings consistency", () => {
  it("reports 終了年度 before 開始年度 on the 終了年度 value", () => {
    const sheets = templateSheets();
    const row = setSetting(sheets, "終了年度", "H23");
    expect(render(sheets)).toEqual([
      {
        sheet: "設定",
        cell: `設定!B${row}`,
        code: "plan-years-reversed",
        severity: "error",
        message:
          "終了年度（平成23年度）が開始年度（平成24年度）より前になっています。開始年度と終了年度を確認して入力し直してください。",
      },
    ]);
  });

  it("warns about a plan longer than 10 fiscal years", () => {
    const sheets = templateSheets();
    const row = setSetting(sheets, "終了年度", "R5");
    expect(render(sheets)).toEqual([
      {
        sheet: "設定",
        cell: `設定!B${row}`,
        code: "plan-too-long",
        severity: "warning",
        message:
          "計画期間が12年度分（平成24年度〜令和5年度）あります。10年度を超えていますので、開始年度と終了年度が正しいか確認してください。",
      },
    ]);
    expect(renderCodes(sheets, ["plan-too-long"], "en")[0]?.message).toBe(
      "The plan spans 12 fiscal years (FY2012–FY2023), more than 10. Check that the first and last fiscal years are right.",
    );
  });

  it("accepts a plan of exactly 10 fiscal years", () => {
    const sheets = templateSheets();
    setSetting(sheets, "終了年度", 2021);
    expect(render(sheets)).toEqual([]);
  });

  it("passes on the settings problems found while parsing (評価区分)", () => {
    const sheets = templateSheets();
    const row = setSetting(sheets, "評価区分", "A B C");
    expect(render(sheets).map((p) => [p.cell, p.code])).toEqual([
      [`設定!B${row}`, "setting-invalid"],
    ]);
  });

  it("finds the same cell with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    setSetting(sheets, "終了年度", "H23");
    expect(expectSameInEnglish(sheets).map((p) => p.code)).toEqual(["plan-years-reversed"]);
    const long = templateSheets();
    setSetting(long, "終了年度", 2030);
    expect(expectSameInEnglish(long).map((p) => p.code)).toEqual(["plan-too-long"]);
  });
});
