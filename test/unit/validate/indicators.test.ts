import { describe, expect, it } from "vitest";
import { setCell, sheetOf, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render } from "./support";

const INDICATOR_FIELDS = [
  "indicator",
  "unit",
  "direction",
  "baseline",
  "baselineFy",
  "finalTarget",
];

/** The bundled plan with its sample 指標 and 目標値 removed: the state of a new registry. */
function bareSheets() {
  const sheets = templateSheets();
  const measures = sheetOf(sheets, "measures").values.length;
  for (let row = 2; row <= measures; row++)
    for (const f of INDICATOR_FIELDS) setCell(sheets, "measures", row, f, "");
  const targets = sheetOf(sheets, "targets").values.length;
  for (let row = 2; row <= targets; row++) setCell(sheets, "targets", row, "targetValue", "");
  return sheets;
}

describe("indicators", () => {
  it("warns about a 指標 without 単位 and 方向, on each cell to fill", () => {
    const sheets = bareSheets();
    setCell(sheets, "measures", 2, "indicator", "研修受講者数");
    expect(render(sheets)).toEqual([
      {
        sheet: "取組",
        cell: "取組!G2",
        code: "indicator-without-unit",
        severity: "warning",
        message:
          "指標「研修受講者数」の単位が入力されていません。単位（例: 件、人、%）を入力してください。",
      },
      {
        sheet: "取組",
        cell: "取組!H2",
        code: "indicator-without-direction",
        severity: "warning",
        message:
          "指標「研修受講者数」の方向が入力されていません。「増加」「減少」「維持」のいずれかを選んでください。",
      },
    ]);
    expect(render(sheets, "en").map((p) => p.message)).toEqual([
      "The indicator “研修受講者数” has no unit. Enter its unit (e.g. 件, 人, %).",
      "The indicator “研修受講者数” has no direction. Choose one of “増加”, “減少”, “維持”.",
    ]);
  });

  it("accepts an indicator with its unit and direction, and leaves a bad direction to the enum check", () => {
    const sheets = bareSheets();
    setCell(sheets, "measures", 2, "indicator", "研修受講者数");
    setCell(sheets, "measures", 2, "unit", "人");
    setCell(sheets, "measures", 2, "direction", "増加");
    expect(render(sheets)).toEqual([]);
    setCell(sheets, "measures", 2, "direction", "上昇");
    expect(render(sheets).map((p) => [p.cell, p.code])).toEqual([["取組!H2", "invalid-enum"]]);
  });

  it("warns about a 目標値 whose 取組 has no 指標", () => {
    const sheets = bareSheets();
    setCell(sheets, "targets", 3, "targetValue", 120);
    expect(render(sheets)).toEqual([
      {
        sheet: "年度目標",
        cell: "年度目標!D3",
        code: "target-value-without-indicator",
        severity: "warning",
        message:
          "目標値が入力されていますが、取組「1-1」に指標がありません。取組シートで指標・単位・方向を入力するか、目標値を削除してください。",
      },
    ]);
    setCell(sheets, "measures", 2, "indicator", "研修受講者数");
    setCell(sheets, "measures", 2, "unit", "人");
    setCell(sheets, "measures", 2, "direction", "増加");
    expect(render(sheets)).toEqual([]);
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = bareSheets();
    setCell(sheets, "measures", 3, "indicator", "評価面談の実施率");
    setCell(sheets, "targets", 8, "targetValue", 50);
    expect(expectSameInEnglish(sheets).map((p) => p.code)).toEqual([
      "indicator-without-unit",
      "indicator-without-direction",
      "target-value-without-indicator",
    ]);
  });
});
