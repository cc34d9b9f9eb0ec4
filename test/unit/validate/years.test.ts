import { describe, expect, it } from "vitest";
import { appendRow, setCell, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render, renderCodes } from "./support";

describe("years against the plan period", () => {
  it("reports a 年度目標 year outside 開始年度..終了年度 as an error", () => {
    const sheets = templateSheets();
    setCell(sheets, "targets", 4, "fy", 2015);
    expect(render(sheets)).toEqual([
      {
        sheet: "年度目標",
        cell: "年度目標!B4",
        code: "year-outside-plan",
        severity: "error",
        message:
          "平成27年度は計画期間（平成24年度〜平成26年度）の外です。計画期間内の年度を入力してください（計画期間は設定シートの開始年度・終了年度で決まります）。",
      },
    ]);
  });

  it("reports a 進捗 year before the plan, written in 和暦, in English", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", { measureId: "1-1", fy: "H23", period: "第4四半期" });
    expect(render(sheets, "en")).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!B${row}`,
        code: "year-outside-plan",
        severity: "error",
        message:
          "FY2011 is outside the plan period (FY2012–FY2014). Enter a year within the plan (the period is set by the first and last fiscal year on the Settings sheet).",
      },
    ]);
  });

  it("accepts the first and last year of the plan", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", { measureId: "1-1", fy: "平成24年度", period: "第1四半期" });
    appendRow(sheets, "progress", { measureId: "1-1", fy: 2014, period: "第4四半期" });
    expect(render(sheets)).toEqual([]);
  });

  it("warns when 基準年度 is after the first year of the plan", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 6, "baselineFy", "平成25年度");
    setCell(sheets, "measures", 7, "baselineFy", 2012);
    setCell(sheets, "measures", 8, "baselineFy", 2010);
    expect(render(sheets)).toEqual([
      {
        sheet: "取組",
        cell: "取組!J6",
        code: "baseline-after-start",
        severity: "warning",
        message:
          "基準年度（平成25年度）が計画の開始年度（平成24年度）より後になっています。基準年度には開始年度以前の年度を入力してください。",
      },
    ]);
  });

  it("does not flood every row when the plan years themselves are reversed", () => {
    const sheets = templateSheets();
    const settings = sheets.find((s) => s.name === "設定");
    const endRow = settings?.values.find((r) => r[0] === "終了年度");
    if (!endRow) throw new Error("no 終了年度 row");
    endRow[1] = "2011";
    expect(renderCodes(sheets, ["year-outside-plan"])).toEqual([]);
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    setCell(sheets, "targets", 4, "fy", 2015);
    appendRow(sheets, "progress", { measureId: "1-1", fy: "H23", period: "第4四半期" });
    setCell(sheets, "measures", 6, "baselineFy", "平成25年度");
    expect(expectSameInEnglish(sheets).map((p) => p.code)).toEqual([
      "baseline-after-start",
      "year-outside-plan",
      "year-outside-plan",
    ]);
  });
});
