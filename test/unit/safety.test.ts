/** Formula-injection safety: every start Sheets or Excel reads as a formula gets an apostrophe. */
import { describe, expect, it } from "vitest";
import { isFormulaLike, neutraliseCell, neutraliseRows } from "../../src/domain/safety";

describe("neutraliseCell", () => {
  it.each([
    ['=IMPORTXML("http://x","//a")'],
    ["+81-3-1234-5678"],
    ["-1+2"],
    ["@SUM(A1)"],
    ["\tcmd"],
    ["\rcmd"],
  ])("prefixes %j with an apostrophe", (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it("leaves plain text, numbers, dates and booleans alone", () => {
    const date = new Date(0);
    expect(neutraliseCell("実施内容 = 予定どおり")).toBe("実施内容 = 予定どおり");
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell(date)).toBe(date);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell("")).toBe("");
  });

  it("neutralises every cell of a block", () => {
    expect(
      neutraliseRows([
        ["+1", "a"],
        [2, "@x"],
      ]),
    ).toEqual([
      ["'+1", "a"],
      [2, "'@x"],
    ]);
  });
});
