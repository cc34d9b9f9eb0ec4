import { describe, expect, it } from "vitest";
import { rectangle, widestRow } from "../../src/domain/rows";

describe("rows", () => {
  it("pads ragged rows to the widest, at least the minimum", () => {
    expect(rectangle([["a"], ["b", "c"]])).toEqual([
      ["a", ""],
      ["b", "c"],
    ]);
    expect(rectangle([[]], 2)).toEqual([["", ""]]);
    expect(widestRow([], 3)).toBe(3);
  });

  it("takes the 168,000 rows of the 1000× 進捗 tab without overflowing the stack", () => {
    const rows = Array.from({ length: 168_000 }, (_, i) => (i === 99_999 ? [1, 2, 3, 4] : [1]));
    // Math.max(...rows.map(...)) throws RangeError at this size
    expect(() => Math.max(...rows.map((r) => r.length))).toThrow(RangeError);
    expect(widestRow(rows)).toBe(4);
  });
});
