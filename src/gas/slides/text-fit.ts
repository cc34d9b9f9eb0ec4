/**
 * Estimating how much room a text takes, to choose font sizes so that text fits its box
 * (Slides' API cannot measure text, and autofit set through the API is not reliable). Pure.
 *
 * The estimate errs on the large side: kana, kanji and full-width forms are 1 em wide, Latin
 * letters and digits 0.6 em, spaces 0.3 em; lines wrap at any character (Japanese does) and only
 * 95 % of the width counts; a line is 1.45 em high, the natural line height of Noto Sans JP at
 * Slides' 100 % line spacing.
 */

/** line height in em at 100 % line spacing */
export const LINE_HEIGHT_EM = 1.45;
/** the part of a box's width text may be assumed to fill */
export const WIDTH_USE = 0.95;
/** Slides' default text insets: 0.1" left/right, 0.05" top/bottom (shapes and table cells) */
export const INSET_X = 7.2;
export const INSET_Y = 3.6;

/** width of one character in em */
export function charEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x20) return 0.3;
  if (cp >= 0xff61 && cp <= 0xff9f) return 0.55; // half-width katakana
  if (cp < 0x2000) return 0.6;
  return 1;
}

export function textWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += charEm(ch);
  return w;
}

/** lines `text` wraps to at `fontSize` in a text area `width` pt wide (no insets) */
export function lineCount(text: string, fontSize: number, width: number): number {
  const limit = (width * WIDTH_USE) / fontSize; // in em
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let used = 0;
    for (const ch of paragraph) {
      const w = charEm(ch);
      if (used > 0 && used + w > limit) {
        lines += 1;
        used = 0;
      }
      used += w;
    }
  }
  return lines;
}

/** height in pt of `text` in a text area `width` pt wide */
export function textHeight(
  text: string,
  fontSize: number,
  width: number,
  lineSpacing = 100,
): number {
  return lineCount(text, fontSize, width) * fontSize * LINE_HEIGHT_EM * (lineSpacing / 100);
}

export interface FitRange {
  readonly max: number;
  readonly min: number;
  /** percent, 100 = single */
  readonly lineSpacing?: number;
}

export interface Fit {
  readonly size: number;
  /** false when even `min` does not fit: the caller reports it */
  readonly fits: boolean;
}

/**
 * The largest whole font size in [min, max] at which `text` fits a shape of `width` × `height`
 * pt (Slides' insets taken off).
 */
export function fitFontSize(text: string, width: number, height: number, range: FitRange): Fit {
  const w = width - 2 * INSET_X;
  const h = height - 2 * INSET_Y;
  for (let size = Math.floor(range.max); size >= range.min; size -= 1) {
    if (textHeight(text, size, w, range.lineSpacing) <= h) return { size, fits: true };
  }
  return { size: range.min, fits: false };
}

/** the width of a shape that holds `text` on one line at `fontSize` (insets included) */
export function singleLineWidth(text: string, fontSize: number): number {
  return (textWidthEm(text) * fontSize) / WIDTH_USE + 2 * INSET_X + 2;
}

/** the height of a shape that holds one line at `fontSize` (insets included) */
export function singleLineHeight(fontSize: number, lineSpacing = 100): number {
  return fontSize * LINE_HEIGHT_EM * (lineSpacing / 100) + 2 * INSET_Y + 1;
}
