import { describe, expect, it } from "vitest";
import { ALL_SCOPES, createGasFake } from "../gas-fake";
import { columnToLetters, lettersToColumn, parseA1 } from "../gas-fake/a1";

function setup() {
  const fake = createGasFake({ oauthScopes: ALL_SCOPES });
  const ss = fake.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet("進捗");
  return { fake, ss, sheet };
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

function asDate(v: unknown): Date {
  if (!isDate(v)) throw new Error(`not a Date: ${String(v)}`);
  return v;
}

describe("values as GAS returns them", () => {
  it("gives numbers, booleans, Dates and '' for empty cells in a rectangle", () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 4)
      .setValues([[12.5, true, new Date("2026-04-01T00:00:00+09:00"), "text"]]);
    const values = sheet.getRange("A1:E2").getValues();
    expect(values).toHaveLength(2);
    expect(values.every((row) => row.length === 5)).toBe(true);
    const [first, second] = values;
    expect(first?.slice(0, 2)).toEqual([12.5, true]);
    expect(isDate(first?.[2])).toBe(true);
    expect(asDate(first?.[2]).toISOString()).toBe("2026-03-31T15:00:00.000Z");
    expect(first?.[3]).toBe("text");
    expect(first?.[4]).toBe("");
    expect(second).toEqual(["", "", "", "", ""]);
    expect(values.flat()).not.toContain(null);
    expect(values.flat()).not.toContain(undefined);
  });

  it("hands out a fresh Date each read and stores a copy on write", () => {
    const { sheet } = setup();
    const d = new Date("2026-04-01T00:00:00Z");
    sheet.getRange("A1").setValue(d);
    d.setUTCFullYear(1999);
    const a = sheet.getRange("A1").getValue() as Date;
    const b = sheet.getRange("A1").getValue() as Date;
    expect(a).not.toBe(b);
    expect(a.getUTCFullYear()).toBe(2026);
  });

  it("uses 1-based rows and columns", () => {
    const { sheet } = setup();
    sheet.getRange(2, 3).setValue("x");
    expect(sheet.getRange("C2").getValue()).toBe("x");
    const r = sheet.getRange(2, 3, 4, 5);
    expect([
      r.getRow(),
      r.getColumn(),
      r.getNumRows(),
      r.getNumColumns(),
      r.getLastRow(),
      r.getLastColumn(),
    ]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getA1Notation()).toBe("C2:G5");
    expect(r.offset(1, 1, 1, 1).getA1Notation()).toBe("D3");
  });

  it("formats display values in the sheet's time zone", () => {
    const { sheet } = setup();
    sheet.getRange("A1:D1").setValues([[new Date("2013-07-09T15:00:00Z"), 1234.5, false, "x"]]);
    expect(sheet.getRange("A1:D1").getDisplayValues()).toEqual([
      ["2013/07/10", "1234.5", "FALSE", "x"],
    ]);
  });
});

describe("A1 notation", () => {
  it("parses single cells, ranges, AA columns, whole columns and rows", () => {
    expect(parseA1("B2", 1000, 26)).toEqual({ row: 2, column: 2, numRows: 1, numColumns: 1 });
    expect(parseA1("A1:C3", 1000, 26)).toEqual({ row: 1, column: 1, numRows: 3, numColumns: 3 });
    expect(parseA1("AA10", 1000, 52)).toEqual({ row: 10, column: 27, numRows: 1, numColumns: 1 });
    expect(parseA1("$A$1:$B$2", 1000, 26)).toEqual({
      row: 1,
      column: 1,
      numRows: 2,
      numColumns: 2,
    });
    expect(parseA1("B:C", 1000, 26)).toEqual({ row: 1, column: 2, numRows: 1000, numColumns: 2 });
    expect(parseA1("2:3", 1000, 26)).toEqual({ row: 2, column: 1, numRows: 2, numColumns: 26 });
    expect(parseA1("nope!", 1000, 26)).toBeUndefined();
    expect(columnToLetters(27)).toBe("AA");
    expect(columnToLetters(702)).toBe("ZZ");
    expect(lettersToColumn("AAA")).toBe(703);
  });

  it("throws 'Range not found' on bad notation and GAS's message beyond the sheet", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A0")).toThrow("Range not found");
    expect(() => sheet.getRange("AA10")).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1001, 1)).toThrow("outside the dimensions of the sheet");
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
  });

  it("grows past 1000 x 26 only when lenientDimensions is set", () => {
    const fake = createGasFake({ lenientDimensions: true });
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange(1500, 30).setValue(1);
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getMaxColumns()).toBe(30);
  });
});

describe("setValues", () => {
  it("rejects a dimension mismatch like GAS", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A1:B3").setValues([["a", "b"]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.",
    );
    expect(() => sheet.getRange("A1:B1").setValues([["a"]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange("A1:B1").setNotes([["a"]])).toThrow("number of columns");
  });

  it("parses strings like a person typing (USER_ENTERED)", () => {
    const { sheet, fake } = setup();
    sheet
      .getRange("A1:J1")
      .setValues([
        [
          "123",
          "-4.5",
          "1,234",
          "50%",
          "TRUE",
          "2013/7/10",
          "2013-07-10",
          "'0123",
          "１２３",
          "12件",
        ],
      ]);
    const [row] = sheet.getRange("A1:J1").getValues();
    expect(row?.slice(0, 5)).toEqual([123, -4.5, 1234, 0.5, true]);
    expect(isDate(row?.[5])).toBe(true);
    expect(asDate(row?.[5]).toISOString()).toBe("2013-07-09T15:00:00.000Z"); // midnight in Asia/Tokyo
    expect(asDate(row?.[6]).getTime()).toBe(asDate(row?.[5]).getTime());
    expect(row?.slice(7)).toEqual(["0123", "１２３", "12件"]);
    expect(fake.inspect("進捗", "H1")[0]?.[0]?.value).toBe("0123");
  });

  it("stores '=...' as a formula that getValues does not compute", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([['=HYPERLINK("http://evil")', "'=SUM(1,2)"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["", "=SUM(1,2)"]]);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([['=HYPERLINK("http://evil")', ""]]);
    expect(sheet.getLastRow()).toBe(1);
  });

  it("keeps strings as text in cells formatted '@'", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C1").setNumberFormat("@");
    sheet.getRange("A1:C1").setValues([["=1+1", "0123", "2013/7/10"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["=1+1", "0123", "2013/7/10"]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["", "", ""]]);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("@");
  });

  it("turns null and undefined into empty cells; setValue fills the whole range", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([[null, undefined]]);
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("A1:B2").setValue("x");
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["x", "x"],
      ["x", "x"],
    ]);
  });
});

describe("sheets", () => {
  it("starts with one tab; insertSheet throws GAS's message on a taken name", () => {
    const { ss } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["シート1", "進捗"]);
    expect(() => ss.insertSheet("進捗")).toThrow(
      'A sheet with the name "進捗" already exists. Please enter another name.',
    );
    const first = ss.insertSheet("設定", 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getActiveSheet().getName()).toBe("設定");
    expect(ss.getSheetByName("なし")).toBeNull();
    ss.deleteSheet(first);
    expect(ss.getSheetByName("設定")).toBeNull();
  });

  it("has 1000 x 26 cells, last row/column 0 when empty, and a one-cell data range", () => {
    const { sheet } = setup();
    expect([
      sheet.getMaxRows(),
      sheet.getMaxColumns(),
      sheet.getLastRow(),
      sheet.getLastColumn(),
    ]).toEqual([1000, 26, 0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("B3").setValue("x");
    sheet.getRange("D1").setNote("a note does not count as content");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:B3");
  });

  it("appendRow writes below the data and grows the sheet", () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue("last");
    sheet.appendRow(["a", "42", "=A1"]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange("A1001:C1001").getValues()).toEqual([["a", 42, ""]]);
  });

  it("inserts and deletes rows, shifting content", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([["1"], ["2"], ["3"]]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A1:A5").getValues()).toEqual([[1], [""], [""], [2], [3]]);
    sheet.deleteRows(2, 2);
    sheet.deleteRow(1);
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[2], [3]]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it("keeps layout: frozen rows, widths, tab colour, hidden", () => {
    const { sheet, ss } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.setColumnWidths(3, 2, 80);
    sheet.setTabColor("#FF0000");
    sheet.hideSheet();
    expect(sheet.getFrozenRows()).toBe(1);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([
      100, 240, 80,
    ]);
    expect(sheet.getTabColor()).toBe("#ff0000");
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName("シート1")?.hideSheet()).toThrow(
      "You can't hide all the sheets",
    );
  });
});

describe("fake.seed", () => {
  it("creates and fills a tab without ledger entries, growing it for large data", () => {
    const fake = createGasFake();
    const rows = Array.from({ length: 1500 }, (_, i) => [`P-${i + 1}`, String(2012 + (i % 3))]);
    const sheet = fake.seed("進捗", [["取組ID", "年度", "備考"], ...rows]);
    expect(fake.ledger.all()).toEqual([]);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([1501, 26]);
    const gas = fake.services.SpreadsheetApp.getActive().getSheetByName("進捗");
    expect(gas?.getLastRow()).toBe(1501);
    expect(gas?.getRange("A1501:C1501").getValues()).toEqual([["P-1500", 2014, ""]]);
  });
});

describe("notes, colours, fonts, validation", () => {
  it("reads back notes and colours with GAS's defaults; null clears", () => {
    const { sheet, fake } = setup();
    const r = sheet.getRange("A1:B1");
    r.setNotes([["要確認", null]]);
    r.setBackgrounds([["#FFF2CC", null]]);
    r.setFontWeight("bold");
    r.setFontColor("red");
    expect(r.getNotes()).toEqual([["要確認", ""]]);
    expect(r.getBackgrounds()).toEqual([["#fff2cc", "#ffffff"]]);
    expect(r.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(fake.inspect("進捗", "A1")[0]?.[0]?.fontColor).toBe("#ff0000");
    sheet.getRange("A1").setBackground(null);
    sheet.getRange("A1").clearNote();
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
    expect(sheet.getRange("A1").getNote()).toBe("");
    r.clearFormat();
    expect(r.getFontWeights()).toEqual([["normal", "normal"]]);
  });

  it("builds data validation rules and reads them back", () => {
    const { sheet, fake } = setup();
    const { SpreadsheetApp } = fake.services;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(["A", "B", "C"], true)
      .setAllowInvalid(false)
      .setHelpText("A〜C から選んでください")
      .build();
    sheet.getRange("B2:B3").setDataValidation(rule);
    const got = sheet.getRange("B2").getDataValidation();
    expect(got?.getCriteriaType()).toBe(SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(String(got?.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(got?.getCriteriaValues()).toEqual([["A", "B", "C"], true]);
    expect(got?.getHelpText()).toBe("A〜C から選んでください");
    expect(got?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange("B1:B2").getDataValidations()).toEqual([[null], [rule]]);
    expect(() => sheet.getRange("B2").setValue("Z")).toThrow("violates the data validation rules");
    sheet.getRange("B2").setValue("A");
    const between = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).build();
    expect(between.getCriteriaValues()).toEqual([0, 100]);
    sheet.getRange("B2:B3").setDataValidation(null);
    expect(sheet.getRange("B2:B3").getDataValidations()).toEqual([[null], [null]]);
  });
});

describe("SpreadsheetApp", () => {
  it("opens the bound spreadsheet by id and URL, and fails like GAS on unknown ids", () => {
    const { fake } = setup();
    const { SpreadsheetApp } = fake.services;
    const ss = SpreadsheetApp.getActive();
    expect(ss.getName()).toBe("元気計画 登録簿");
    expect(SpreadsheetApp.openById(ss.getId()).getId()).toBe(ss.getId());
    expect(SpreadsheetApp.openByUrl(ss.getUrl()).getName()).toBe("元気計画 登録簿");
    expect(() => SpreadsheetApp.openById("nope")).toThrow(
      "Unexpected error while getting the method or property openById",
    );
    expect(ss.getSpreadsheetTimeZone()).toBe("Asia/Tokyo");
  });

  it("records toasts on the ui", () => {
    const { fake, ss } = setup();
    ss.toast("検証中…", "元気計画", 3);
    expect(fake.ui.toasts).toEqual([{ message: "検証中…", title: "元気計画", timeoutSeconds: 3 }]);
  });
});
