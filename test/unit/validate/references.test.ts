import { describe, expect, it } from "vitest";
import { appendRow, setCell, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render, renderCodes } from "./support";

const CODES = ["unknown-pillar", "unknown-measure", "unknown-division"];

describe("references between sheets", () => {
  it("reports a 柱ID that is not on 柱", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 5, "pillarId", "柱-9");
    expect(render(sheets)).toEqual([
      {
        sheet: "取組",
        cell: "取組!B5",
        code: "unknown-pillar",
        severity: "error",
        message:
          "柱ID「柱-9」は「柱」シートに登録されていません。「柱」シートにある柱IDを入力するか、「柱」シートに柱を追加してください。",
      },
    ]);
  });

  it("reads IDs after NFKC, so 全角 digits and dashes still match", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 5, "pillarId", "柱－２");
    expect(render(sheets)).toEqual([]);
  });

  it("reports a 取組ID of 年度目標 and 進捗 that is not on 取組", () => {
    const sheets = templateSheets();
    setCell(sheets, "targets", 2, "measureId", "9-9");
    const row = appendRow(sheets, "progress", { measureId: "7-1", fy: 2012, period: "第1四半期" });
    expect(render(sheets)).toEqual([
      {
        sheet: "年度目標",
        cell: "年度目標!A2",
        code: "unknown-measure",
        severity: "error",
        message:
          "取組ID「9-9」は「取組」シートに登録されていません。「取組」シートにある取組IDを入力するか、「取組」シートに取組を追加してください。",
      },
      expect.objectContaining({
        cell: `進捗!A${row}`,
        code: "unknown-measure",
        message: expect.stringContaining("取組ID「7-1」"),
      }),
    ]);
  });

  it("names each division of 主担当課, 関係課 and 所管課 that is not on 所属", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 2, "lead", "総務課");
    setCell(sheets, "measures", 3, "related", "行政経営課、契約課，秘書課、契約課");
    setCell(sheets, "pillars", 2, "owners", "人事課、各所属長");
    expect(render(sheets)).toEqual([
      {
        sheet: "柱",
        cell: "柱!E2",
        code: "unknown-division",
        severity: "error",
        message:
          "「所管課」の「各所属長」は「所属」シートに登録されていません。「所属」シートの所属名と同じ表記にするか、「所属」シートに所属を追加してください。",
      },
      {
        sheet: "取組",
        cell: "取組!D2",
        code: "unknown-division",
        severity: "error",
        message:
          "「主担当課」の「総務課」は「所属」シートに登録されていません。「所属」シートの所属名と同じ表記にするか、「所属」シートに所属を追加してください。",
      },
      expect.objectContaining({
        cell: "取組!E3",
        message: expect.stringContaining("「関係課」の「契約課」"),
      }),
      expect.objectContaining({
        cell: "取組!E3",
        message: expect.stringContaining("「関係課」の「秘書課」"),
      }),
    ]);
  });

  it("names the tab as the workbook calls it, in English", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 2, "lead", "総務課");
    expect(renderCodes(sheets, CODES, "en").map((p) => p.message)).toEqual([
      "“総務課” in “Lead division” is not on the “所属” sheet. Write the division exactly as on the “所属” sheet, or add it there.",
    ]);
  });

  it("does not flag every reference when the target sheet itself is missing", () => {
    const sheets = templateSheets().filter((s) => s.name !== "所属");
    const codes = render(sheets).map((p) => p.code);
    expect(codes).toContain("sheet-missing");
    expect(codes).not.toContain("unknown-division");
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 5, "pillarId", "柱-9");
    setCell(sheets, "measures", 2, "lead", "総務課");
    setCell(sheets, "measures", 3, "related", "契約課");
    setCell(sheets, "pillars", 2, "owners", "秘書課");
    setCell(sheets, "targets", 2, "measureId", "9-9");
    appendRow(sheets, "progress", { measureId: "7-1", fy: 2012, period: "第1四半期" });
    expect(expectSameInEnglish(sheets)).toHaveLength(6);
  });
});
