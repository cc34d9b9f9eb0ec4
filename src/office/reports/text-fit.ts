/**
 * Rough text measuring for fixed-size slide boxes: how many lines a text takes at a size in a
 * width, so the deck picks a font size that keeps every word on the slide instead of letting
 * text run past a box. Japanese (and other full-width) characters count one em, the rest about
 * half of one; wrapping is by character, as it is for Japanese.
 */

const POINTS_PER_INCH = 72;
/** Line height as a multiple of the font size (PowerPoint and LibreOffice use about 1.2). */
export const LINE_HEIGHT = 1.25;

function charWidthEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x1100) return code < 0x20 ? 0 : 0.56;
  // half-width katakana and forms
  if (code >= 0xff61 && code <= 0xffdc) return 0.56;
  return 1;
}

/** The width of one line of text in ems. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += charWidthEm(ch);
  return ems;
}

/** Lines `text` takes in a box `widthIn` inches wide at `fontPt` points (at least 1). */
export function lineCount(text: string, widthIn: number, fontPt: number): number {
  const emsPerLine = Math.max(1, (widthIn * POINTS_PER_INCH) / fontPt);
  let count = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    count += Math.max(1, Math.ceil(textEms(paragraph) / emsPerLine - 1e-9));
  }
  return Math.max(1, count);
}

/** The height in inches of `lines` lines at `fontPt` points. */
export function linesHeight(lines: number, fontPt: number): number {
  return (lines * fontPt * LINE_HEIGHT) / POINTS_PER_INCH;
}

/** The height in inches `text` takes in a box `widthIn` inches wide at `fontPt` points. */
export function textHeight(text: string, widthIn: number, fontPt: number): number {
  return linesHeight(lineCount(text, widthIn, fontPt), fontPt);
}

/**
 * The largest size from `max` down to `min` (in half-point steps) at which `text` fits in
 * `maxLines` lines and `heightIn` inches; `min` when nothing fits.
 */
export function fitFontSize(
  text: string,
  widthIn: number,
  heightIn: number,
  options: { max: number; min: number; maxLines?: number },
): number {
  for (let size = options.max; size >= options.min; size -= 0.5) {
    const lines = lineCount(text, widthIn, size);
    if (
      lines <= (options.maxLines ?? Number.POSITIVE_INFINITY) &&
      linesHeight(lines, size) <= heightIn
    ) {
      return size;
    }
  }
  return options.min;
}
