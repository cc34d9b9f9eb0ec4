import { describe, expect, it } from "vitest";
import {
  displayWidth,
  ELLIPSIS,
  fitsLine,
  isShortened,
  shorten,
  wrapText,
} from "../../../src/domain/reports";

describe("displayWidth", () => {
  it("counts Japanese as 1 column and ASCII / half-width katakana as 0.5", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("取組")).toBe(2);
    expect(displayWidth("PT活動")).toBe(3);
    expect(displayWidth("（サンプル）")).toBe(6);
    expect(displayWidth("ｻﾝﾌﾟﾙ")).toBe(2.5);
    expect(displayWidth("𠮷野家")).toBe(3);
  });
});

describe("wrapText", () => {
  it("breaks Japanese text at the column limit without losing a character", () => {
    const text = "あいうえおかきくけこさしすせそたちつてと";
    expect(wrapText(text, 8)).toEqual(["あいうえおかきく", "けこさしすせそた", "ちつてと"]);
  });

  it("fits twice as many ASCII characters and keeps words whole", () => {
    expect(wrapText("abcdefgh", 4)).toEqual(["abcdefgh"]);
    // 5 columns hold 10 ASCII characters: "PDCA cycle" fits, "review" goes down.
    expect(wrapText("PDCA cycle review", 5)).toEqual(["PDCA cycle ", "review"]);
    expect(wrapText("PDCA cycle review", 4)).toEqual(["PDCA ", "cycle ", "review"]);
  });

  it("splits a word longer than a line", () => {
    expect(wrapText("x".repeat(10), 2)).toEqual(["xxxx", "xxxx", "xx"]);
  });

  it("never begins a line with 、。） and never ends one with （", () => {
    // Plain cutting at 5 would give "あいうえお" / "。かきくけ"; the 。 pulls お along.
    expect(wrapText("あいうえお。かきくけこ", 5)).toEqual(["あいうえ", "お。かきく", "けこ"]);
    // "（" would end the first line: it moves down with what it opens.
    expect(wrapText("あいうえ（かき）くけ", 5)).toEqual(["あいうえ", "（かき）く", "け"]);
  });

  it("keeps existing line breaks and empty lines", () => {
    expect(wrapText("一行目\n\n三行目", 10)).toEqual(["一行目", "", "三行目"]);
    expect(wrapText("", 10)).toEqual([]);
  });

  it("never overflows: every line fits, and the lines give the text back", () => {
    const text =
      "（サンプル）第3四半期に検証し、本格実施の準備を進めます。PDCA会議の資料（A4 2枚）を" +
      "12月15日までに作成し、関係課（行政経営課・企画政策課・財政課）と調整する。";
    for (const width of [1, 2, 3, 7.5, 10, 30]) {
      const lines = wrapText(text, width);
      expect(lines.join("")).toBe(text);
      for (const line of lines) expect(fitsLine(line, width)).toBe(true);
    }
  });
});

describe("shorten", () => {
  it("leaves a text that fits alone, on one line", () => {
    expect(shorten("  研修の\n実施  ", 10)).toBe("研修の 実施");
    expect(isShortened("研修の実施", 5)).toBe(false);
  });

  it("cuts visibly with … and stays within the limit", () => {
    const s = shorten("理想とする職員像を目指したステップの実現支援", 10);
    expect(s).toBe(`理想とする職員像を${ELLIPSIS}`);
    expect(displayWidth(s)).toBeLessThanOrEqual(10);
    expect(isShortened("理想とする職員像を目指したステップの実現支援", 10)).toBe(true);
    // P and T take half a column each: 3 columns of text, then the ellipsis.
    expect(shorten("PT活動等による研鑚", 4)).toBe(`PT活動${ELLIPSIS}`);
  });
});
