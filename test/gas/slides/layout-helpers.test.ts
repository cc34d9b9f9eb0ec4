/** Text fitting, colours and object IDs of the Slides request builder. */
import { describe, expect, it } from "vitest";
import { IdFactory } from "../../../src/gas/slides/ids";
import {
  fitFontSize,
  lineCount,
  singleLineWidth,
  textWidthEm,
} from "../../../src/gas/slides/text-fit";
import {
  gradeColorOf,
  hexToRgb,
  PartColors,
  pageSizeInPt,
  resolveTheme,
  textOn,
  theme,
} from "../../../src/gas/slides/theme";

describe("text fitting", () => {
  it("counts kana and kanji as 1 em, ASCII narrower", () => {
    expect(textWidthEm("藤枝市")).toBe(3);
    expect(textWidthEm("PDCA")).toBeCloseTo(2.4);
    expect(textWidthEm("ｱｲ")).toBeCloseTo(1.1);
  });

  it("wraps at any character and keeps explicit line breaks", () => {
    expect(lineCount("あいうえお", 10, 100)).toBe(1);
    expect(lineCount("あ".repeat(20), 10, 100)).toBe(3); // 9.5 em a line
    expect(lineCount("一行目\n二行目", 10, 200)).toBe(2);
    expect(lineCount("", 10, 100)).toBe(1);
  });

  it("takes the largest size that fits and says when none does", () => {
    const short = fitFontSize("藤枝市", 300, 60, { max: 36, min: 12 });
    expect(short).toEqual({ size: 36, fits: true });
    const long = fitFontSize("藤枝市新公共経営実行計画".repeat(3), 300, 60, { max: 36, min: 12 });
    expect(long.fits).toBe(true);
    expect(long.size).toBeLessThan(36);
    const bigger = fitFontSize("藤枝市新公共経営実行計画".repeat(3), 600, 60, { max: 36, min: 12 });
    expect(bigger.size).toBeGreaterThan(long.size);
    expect(fitFontSize("あ".repeat(500), 100, 30, { max: 14, min: 8 })).toEqual({
      size: 8,
      fits: false,
    });
  });

  it("sizes one-line boxes so the same estimate keeps them on one line", () => {
    for (const text of ["A 計画以上 2件", "平成24年度", "12/14", "提出"]) {
      for (const size of [9, 10, 12, 14]) {
        const w = singleLineWidth(text, size);
        expect(fitFontSize(text, w, 100, { max: size, min: size }).fits, `${text}@${size}`).toBe(
          true,
        );
        expect(lineCount(text, size, w - 2 * 7.2)).toBe(1);
      }
    }
  });
});

describe("colours", () => {
  it("converts #RRGGBB and #RGB to 0..1 RGB, and refuses other strings", () => {
    expect(hexToRgb("#FFFFFF")).toEqual({ red: 1, green: 1, blue: 1 });
    expect(hexToRgb("#000")).toEqual({ red: 0, green: 0, blue: 0 });
    expect(hexToRgb("1F4E79").blue).toBeCloseTo(0x79 / 255, 3);
    expect(() => hexToRgb("navy")).toThrow(/colour/);
  });

  it("picks white on dark fills and dark text on light ones", () => {
    expect(textOn(theme.colors.primary, theme)).toBe(theme.colors.onPrimary);
    expect(textOn(theme.colors.grades.D ?? "", theme)).toBe(theme.colors.onPrimary);
    expect(textOn(theme.colors.grades.C ?? "", theme)).toBe(theme.colors.text);
    expect(textOn(theme.colors.ungraded, theme)).toBe(theme.colors.text);
  });

  it("colours known keys from the theme and unknown ones from the series, stably", () => {
    const c = new PartColors(theme);
    expect(c.of("submitted", "提出")).toBe(theme.colors.submitted);
    expect(c.of("unsubmitted", "未提出")).toBe(theme.colors.pending);
    expect(c.of("ungraded", "未評価")).toBe(theme.colors.ungraded);
    expect(c.of("A", "A 計画以上")).toBe(theme.colors.grades.A);
    expect(c.of("x1", "未評価")).toBe(theme.colors.ungraded); // by label
    const s = c.of("S", "S 特に優秀");
    expect(s).toBe(theme.colors.series[0]);
    expect(c.of("T", "T")).toBe(theme.colors.series[1]);
    expect(c.of("S", "other label")).toBe(s);
  });

  it("reads the grade of a cell like A, A（計画以上）, B 計画どおり; not — or 未報告", () => {
    expect(gradeColorOf("A", theme)).toBe(theme.colors.grades.A);
    expect(gradeColorOf("A（計画以上）", theme)).toBe(theme.colors.grades.A);
    expect(gradeColorOf("b 計画どおり", theme)).toBe(theme.colors.grades.B);
    expect(gradeColorOf("—", theme)).toBeUndefined();
    expect(gradeColorOf("未報告", theme)).toBeUndefined();
  });

  it("overrides single colours and keeps the rest", () => {
    const t = resolveTheme({ colors: { primary: "#000000" } });
    expect(t.colors.primary).toBe("#000000");
    expect(t.colors.accent).toBe(theme.colors.accent);
    expect(t.fontFamily).toBe(theme.fontFamily);
  });
});

describe("pageSizeInPt", () => {
  it("reads the API's EMU page size (16:9 and 4:3) and nothing else", () => {
    const emu = (magnitude: number) => ({ magnitude, unit: "EMU" });
    expect(pageSizeInPt({ width: emu(9144000), height: emu(5143500) })).toEqual(theme.page);
    expect(pageSizeInPt({ width: emu(9144000), height: emu(6858000) })).toEqual({
      width: 720,
      height: 540,
    });
    expect(pageSizeInPt({ width: { magnitude: 720, unit: "PT" }, height: emu(5143500) })).toEqual(
      theme.page,
    );
    expect(pageSizeInPt(undefined)).toBeUndefined();
    expect(pageSizeInPt({ width: emu(9144000) })).toBeUndefined();
  });
});

describe("IdFactory", () => {
  it("hands out prefixed IDs once, and refuses invalid ones", () => {
    const ids = new IdFactory("gk");
    expect(ids.id("s01")).toBe("gk_s01");
    expect(() => ids.id("s01")).toThrow(/duplicate/);
    expect(() => ids.id("x".repeat(60))).toThrow(/invalid/);
    expect(() => ids.id("a b")).toThrow(/invalid/);
    expect(() => new IdFactory("_x")).toThrow(/prefix/);
  });

  it("moves to another prefix when the presentation already uses it", () => {
    expect(new IdFactory("gk", ["gk_s01"]).prefix).toBe("gk2");
    expect(new IdFactory("gk", ["gk_s01", "gk2_s01"]).prefix).toBe("gk3");
    expect(new IdFactory("gk", ["p", "g3a_0_1"]).prefix).toBe("gk");
    expect(() => new IdFactory("gk", ["gk_s01"]).id("s01")).not.toThrow();
  });
});
