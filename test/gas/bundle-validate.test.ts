/** 全体チェック through dist/Code.js: marks, sidebar, and the DESIGN.md call budget. */
import { describe, expect, it } from "vitest";
import { MARK_PREFIX } from "../../src/domain/annotations";
import { loadBundle } from "../support/bundle";

function setUp(extraProgressRows = 0) {
  const bundle = loadBundle();
  bundle.call("menuSetup");
  if (extraProgressRows > 0) {
    const rows = Array.from({ length: extraProgressRows }, (_, i) => [
      `'${i % 14 === 0 ? "1-1" : "1-2"}`,
      2012 + (i % 3),
      "第1四半期",
      i,
      "B",
    ]);
    // distinct (取組, 年度, 期) is not needed for the budget; duplicates only add problems
    bundle.fake.edit("進捗", `A2:E${extraProgressRows + 1}`, rows);
  }
  return bundle;
}

describe("全体チェック (menuValidate)", () => {
  it("says so in a dialog when the registry is clean", () => {
    const { fake, call } = setUp();
    call("menuValidate");
    expect(String(fake.ui.alerts.at(-1)?.message)).toBe("問題は見つかりませんでした。");
  });

  it("notes and colours each problem cell and lists the problems, escaped, in a sidebar", () => {
    const { fake, call } = setUp();
    fake.edit("進捗", "A2:D2", [["'1-9", 2012, "第1四半期", "<b>多数</b>"]]);
    call("menuValidate");
    const progress = fake.spreadsheet.getSheetByName("進捗");
    expect(progress?.getRange("D2").getNote()).toBe(
      `${MARK_PREFIX}「<b>多数</b>」は数値として読めません。半角数字で入力してください（例: 120）。`,
    );
    expect(progress?.getRange("D2").getBackground()).toBe("#f4c7c3");
    expect(progress?.getRange("A2").getNote()).toContain("1-9");
    const sidebar = fake.ui.dialogs.at(-1);
    expect(sidebar?.kind).toBe("sidebar");
    expect(sidebar?.html).toContain("進捗!D2");
    expect(sidebar?.html).toContain("&lt;b&gt;多数&lt;/b&gt;");
    expect(sidebar?.html).not.toContain("<b>多数</b>");
  });

  it("clears its marks once fixed and leaves people's own notes alone", () => {
    const { fake, call } = setUp();
    fake.edit("進捗", "A2:D2", [["'1-1", 2012, "第1四半期", "多数"]]);
    const progress = fake.spreadsheet.getSheetByName("進捗");
    progress?.getRange("G2").setNote("担当: 来週確認");
    call("menuValidate");
    fake.edit("進捗", "D2", 12);
    call("menuValidate");
    expect(progress?.getRange("D2").getNote()).toBe("");
    expect(progress?.getRange("D2").getBackground()).toBe("#ffffff");
    expect(progress?.getRange("G2").getNote()).toBe("担当: 来週確認");
  });

  it("reads each sheet's values once and writes by RangeList, one call per change, whatever the row count", () => {
    const budget = (rows: number) => {
      const { fake, call } = setUp(rows);
      const mark = fake.ledger.mark();
      call("menuValidate");
      const slice = fake.ledger.since(mark);
      const valueReads = slice.calls().filter((e) => e.method === "Range.getValues");
      const sheets = new Set(valueReads.map((e) => e.sheet));
      for (const sheet of sheets) {
        expect(
          valueReads.filter((e) => e.sheet === sheet),
          `${sheet} value reads`,
        ).toHaveLength(1);
        // clear old notes + one colour each (error, warning, cleared) + one note per distinct text
        const writes = slice.writes(sheet);
        const noteTexts = writes.filter((e) => e.method === "RangeList.setNote").length;
        expect(
          writes.every((e) => e.method.startsWith("RangeList.")),
          `${sheet} writes`,
        ).toBe(true);
        expect(writes.length - noteTexts, `${sheet} writes`).toBeLessThanOrEqual(4);
      }
      // The app-written logs only grow; no check reads them.
      expect(slice.reads("変更履歴")).toEqual([]);
      expect(slice.reads("出力")).toEqual([]);
      // calls beyond one per distinct note text do not grow with rows
      return slice.calls().length - slice.count("RangeList.setNote");
    };
    const small = budget(14);
    const large = budget(1400);
    expect(large).toBe(small);
  });

  it("reads every tab's notes before its first mark, so Sheets commits the marks once", () => {
    const { fake, call } = setUp();
    // problems on three tabs: 取組 (an unknown division), 年度目標 and 進捗 (unknown 取組)
    const measures = fake.spreadsheet.getSheetByName("取組");
    const leadCol = (measures?.getDataRange().getValues()[0] ?? []).indexOf("主担当課") + 1;
    measures?.getRange(2, leadCol).setValue("未登録課");
    fake.edit("年度目標", "A2", "'9-99");
    fake.edit("進捗", "A2:D2", [["'1-9", 2012, "第1四半期", "多数"]]);
    fake.endExecution(); // nothing pending from the edits
    const mark = fake.ledger.mark();
    call("menuValidate");
    const entries = fake.ledger.since(mark).entries;
    const firstWrite = entries.findIndex((e) => e.method.startsWith("RangeList.set"));
    const marked = new Set(
      entries.filter((e) => e.method === "RangeList.setNote").map((e) => e.sheet),
    );
    expect([...marked].sort()).toEqual(["取組", "年度目標", "進捗"].sort());
    expect(firstWrite).toBeGreaterThan(0);
    expect(entries.slice(firstWrite).filter((e) => e.method === "Range.getNotes")).toEqual([]);
    // the marks are committed once, when the execution ends, not once per tab
    fake.endExecution();
    const commits = fake.ledger
      .since(mark)
      .entries.filter((e) => e.method === "SpreadsheetApp.commit");
    expect(commits.filter((c) => c.at >= (entries[firstWrite]?.at ?? 0))).toHaveLength(1);
  });
});
