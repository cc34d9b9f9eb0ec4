import { describe, expect, it } from "vitest";
import { MARK_COLOURS, MARK_PREFIX, marksBySheet, mergeMarks } from "../../src/domain/annotations";
import type { Problem } from "../../src/domain/problem";

const problem = (
  row: number,
  col: number,
  severity: Problem["severity"],
  value: string,
): Problem => ({
  sheet: "progress",
  sheetName: "進捗",
  row,
  col,
  code: "not-a-number",
  severity,
  params: { value },
});

describe("cell marks", () => {
  it("merges several problems of one cell into one note, the error winning", () => {
    const marks = marksBySheet(
      [problem(2, 4, "warning", "a"), problem(2, 4, "error", "b")],
      "ja",
    ).get("進捗");
    expect(marks).toEqual([
      {
        row: 2,
        col: 4,
        severity: "error",
        message:
          "「a」は数値として読めません。半角数字で入力してください（例: 120）。\n「b」は数値として読めません。半角数字で入力してください（例: 120）。",
      },
    ]);
  });

  it("skips problems that are about a whole sheet or row", () => {
    const sheetLevel = { ...problem(2, 4, "error", "a"), row: null, col: null };
    expect(marksBySheet([sheetLevel], "ja").size).toBe(0);
  });

  it("marks new problems, clears only its own old marks, keeps people's notes and colours", () => {
    const notes = [
      ["", `${MARK_PREFIX}古い問題`, "担当メモ"],
      ["", "", ""],
    ];
    const backgrounds = [
      ["#ffffff", MARK_COLOURS.error, "#00ff00"],
      ["#ffffff", "#ffffff", "#ffffff"],
    ];
    const merged = mergeMarks(
      [{ row: 3, col: 1, severity: "warning", message: "新しい問題" }],
      notes,
      backgrounds,
      2,
      1,
    );
    expect(merged.changed).toBe(true);
    expect(merged.notes).toEqual([
      ["", "", "担当メモ"],
      [`${MARK_PREFIX}新しい問題`, "", ""],
    ]);
    expect(merged.backgrounds).toEqual([
      ["#ffffff", "#ffffff", "#00ff00"],
      [MARK_COLOURS.warning, "#ffffff", "#ffffff"],
    ]);
    expect(notes[0]?.[1]).toBe(`${MARK_PREFIX}古い問題`);
  });

  it("reports no change when the marks are already there", () => {
    const merged = mergeMarks(
      [{ row: 1, col: 1, severity: "error", message: "x" }],
      [[`${MARK_PREFIX}x`]],
      [[MARK_COLOURS.error]],
    );
    expect(merged.changed).toBe(false);
  });
});
