import { describe, expect, it } from "vitest";
import { sheetDef } from "../../src/domain/schema";
import { isApprover, lockedEdits } from "../../src/domain/status-flow";

const header = sheetDef("progress").columns.map((c) => c.ja);
const row = (status: string) => ["1-1", 2012, "第1四半期", 3, "B", "D", "", "", "", "", "", status];

describe("the 確認済 lock", () => {
  it("puts back a changed cell of a confirmed row, with its old value", () => {
    expect(
      lockedEdits({
        header,
        rowsAfter: [row("確認済")],
        top: 5,
        left: 4,
        right: 4,
        oldValue: "3",
        singleCell: true,
      }),
    ).toEqual([{ row: 5, col: 4, restore: "3" }]);
  });

  it("puts back a status changed away from 確認済", () => {
    expect(
      lockedEdits({
        header,
        rowsAfter: [row("差戻し")],
        top: 2,
        left: 12,
        right: 12,
        oldValue: "確認済",
        singleCell: true,
      }),
    ).toEqual([{ row: 2, col: 12, restore: "確認済" }]);
  });

  it("lets rows that are not confirmed be edited, and lets anyone confirm a row", () => {
    expect(
      lockedEdits({
        header,
        rowsAfter: [row("提出済")],
        top: 2,
        left: 4,
        right: 4,
        oldValue: "1",
        singleCell: true,
      }),
    ).toEqual([]);
    expect(
      lockedEdits({
        header,
        rowsAfter: [row("確認済")],
        top: 2,
        left: 12,
        right: 12,
        oldValue: "提出済",
        singleCell: true,
      }),
    ).toEqual([]);
  });

  it("flags (without a value to restore) every pasted cell of a confirmed row", () => {
    expect(
      lockedEdits({
        header,
        rowsAfter: [row("提出済"), row("確認済")],
        top: 2,
        left: 4,
        right: 5,
        singleCell: false,
      }),
    ).toEqual([
      { row: 3, col: 4, restore: undefined },
      { row: 3, col: 5, restore: undefined },
    ]);
  });

  it("finds the status column by name in a reordered English sheet", () => {
    const english = [...sheetDef("progress").columns.map((c) => c.en)].reverse();
    const after = [...row("確認済")].reverse();
    expect(
      lockedEdits({
        header: english,
        rowsAfter: [after],
        top: 2,
        left: 2,
        right: 2,
        oldValue: "x",
        singleCell: true,
      }),
    ).toEqual([{ row: 2, col: 2, restore: "x" }]);
  });

  it("recognises approvers case-insensitively and never an empty user", () => {
    expect(isApprover("Kikaku@City.Example", ["kikaku@city.example"])).toBe(true);
    expect(isApprover("", [""])).toBe(false);
    expect(isApprover("jinji@city.example", ["kikaku@city.example"])).toBe(false);
  });
});
