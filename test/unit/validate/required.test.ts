import { describe, expect, it } from "vitest";
import { appendRow, setCell, sheetOf, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render, renderCodes } from "./support";

const CODES = ["required", "key-missing"];

describe("required cells", () => {
  it("locates an empty required cell and says to fill it in", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 3, "content", "");
    expect(renderCodes(sheets, CODES)).toEqual([
      {
        sheet: "取組",
        cell: "取組!C3",
        code: "required",
        severity: "error",
        message: "「取組内容」は必須です。入力してください。",
      },
    ]);
  });

  it("treats a cell of spaces (全角 too) as empty", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 4, "lead", "　 ");
    expect(renderCodes(sheets, CODES).map((p) => p.cell)).toEqual(["取組!D4"]);
  });

  it("reports a row whose key cells are empty but others are filled, never skipping it", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "progress", { actual: 5, done: "研修を実施しました。" });
    expect(renderCodes(sheets, CODES)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!A${row}`,
        code: "key-missing",
        severity: "error",
        message:
          "「取組ID」が空欄のため、この行を使えません。「取組ID」を入力してください。不要な行であれば、行ごと削除してください。",
      },
      expect.objectContaining({ cell: `進捗!B${row}`, code: "key-missing" }),
      expect.objectContaining({ cell: `進捗!C${row}`, code: "key-missing" }),
    ]);
  });

  it("says the same in English, naming the English header", () => {
    const sheets = templateSheets();
    setCell(sheets, "divisions", 3, "email", "");
    const row = appendRow(sheets, "closures", { name: "臨時閉庁日" });
    expect(renderCodes(sheets, CODES, "en")).toEqual([
      {
        sheet: "所属",
        cell: "所属!D3",
        code: "required",
        severity: "error",
        message: "“Email” is required. Please fill it in.",
      },
      {
        sheet: "閉庁日",
        cell: `閉庁日!A${row}`,
        code: "key-missing",
        severity: "error",
        message:
          "“Date” is empty, so this row cannot be used. Fill in “Date”, or delete the row if it is not needed.",
      },
    ]);
  });

  it("does not check app-written sheets or the key/value 設定 sheet", () => {
    const sheets = templateSheets();
    appendRow(sheets, "sendLog", { to: "jinji@city.fujieda.example" });
    appendRow(sheets, "outputs", { url: "https://example.com" });
    appendRow(sheets, "settings", { value: "値だけの行" });
    expect(renderCodes(sheets, CODES)).toEqual([]);
  });

  it("reports a missing required column once, as a header problem, not on every row", () => {
    const sheets = templateSheets();
    const header = sheetOf(sheets, "targets").values[0] as unknown[];
    header[2] = "目標";
    const codes = render(sheets).map((p) => p.code);
    expect(codes).toContain("header-missing");
    expect(codes).not.toContain("required");
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    setCell(sheets, "measures", 3, "content", "");
    setCell(sheets, "pillars", 2, "name", "");
    appendRow(sheets, "progress", { actual: 5 });
    setCell(sheets, "targets", 5, "targetText", "");
    const problems = expectSameInEnglish(sheets);
    expect(problems.map((p) => p.code)).toEqual([
      "required",
      "required",
      "required",
      "key-missing",
      "key-missing",
      "key-missing",
    ]);
  });
});
