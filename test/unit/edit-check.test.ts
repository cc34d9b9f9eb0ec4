import { describe, expect, it } from "vitest";
import { MARK_PREFIX } from "../../src/domain/annotations";
import { buildEditContext, validateEditedCells } from "../../src/domain/validate/edit";
import { templateSheets } from "../support/raw-sheets";

const ctx = () => buildEditContext(templateSheets());

describe("checking only the edited cells", () => {
  it("collects settings, headers and the IDs other sheets refer to", () => {
    const c = ctx();
    expect(c.ids.pillars).toHaveLength(6);
    expect(c.ids.measures).toContain("6-2");
    expect(c.ids.divisions).toEqual(["人事課", "行政経営課", "企画政策課", "財政課", "広報課"]);
    expect(c.headers.進捗?.[2]).toBe("期");
  });

  it("marks type, reference and plan-year problems in the edited block only", () => {
    const r = validateEditedCells(ctx(), "進捗", 20, 1, [
      ["9-9", 2030, "第1四半期", "１件"],
      ["1-1", 2012, "第1四半期", 4],
    ]);
    expect(r.marks.map((m) => [m.row, m.col, m.severity])).toEqual([
      [20, 1, "error"],
      [20, 2, "error"],
      [20, 4, "warning"],
    ]);
    expect(r.marks[0]?.message).toContain("9-9");
    expect(r.contextChanged).toBe(false);
    expect(MARK_PREFIX).toBe("⚠ 計画管理: ");
  });

  it("does not report what needs other rows (duplicates, empty neighbours)", () => {
    const r = validateEditedCells(ctx(), "進捗", 2, 5, [["B"]]);
    expect(r.marks).toEqual([]);
  });

  it("says the cached context is stale after edits to 設定, 柱, 取組, 所属 or a header row", () => {
    expect(validateEditedCells(ctx(), "取組", 3, 4, [["人事課"]]).contextChanged).toBe(true);
    expect(validateEditedCells(ctx(), "進捗", 1, 4, [["実績"]]).contextChanged).toBe(true);
    expect(validateEditedCells(ctx(), "年度目標", 3, 3, [["x"]]).contextChanged).toBe(false);
  });

  it("checks a 主担当課 typed into 取組 against 所属", () => {
    const r = validateEditedCells(ctx(), "取組", 3, 4, [["総務課"]]);
    expect(r.marks[0]?.message).toContain("総務課");
  });

  it("ignores tabs that are not part of the registry and app-written tabs", () => {
    expect(validateEditedCells(ctx(), "メモ", 2, 1, [["x"]]).marks).toEqual([]);
    expect(validateEditedCells(ctx(), "変更履歴", 2, 1, [["x"]]).marks).toEqual([]);
  });
});
