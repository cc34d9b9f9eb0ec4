/**
 * Text fitting for slides and documents: display width, wrapping and visible shortening.
 *
 * Width is counted in columns of a full-width (全角) character: every character counts 1,
 * except ASCII (U+0020–U+007E) and half-width katakana (U+FF61–U+FF9F), which count 0.5.
 * So "取組12" is 3 columns. Characters are taken by code point, so a surrogate pair (𠮷) is
 * never split.
 *
 * Nothing here drops text silently: wrapText only inserts line breaks (joining its lines gives
 * the paragraph back), and shorten marks every cut with "…".
 */

/** The ellipsis shorten appends; it is 1 column wide. */
export const ELLIPSIS = "…";

/** Columns one character takes: 0.5 for ASCII and half-width katakana, else 1. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 0.5;
  if (cp >= 0xff61 && cp <= 0xff9f) return 0.5;
  return 1;
}

/** Width of a text in full-width columns (see the module comment). */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Characters that must not begin a line (行頭禁則). */
export const NO_LINE_START = new Set(
  Array.from(
    "、。，．,.・：；:;？！?!ー‐–—～…‥）)］]｝}」』】〕〉》〙〗”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ％%",
  ),
);
/** Characters that must not end a line (行末禁則). */
export const NO_LINE_END = new Set(Array.from("（(［[｛{「『【〔〈《〘〖“‘"));

/**
 * Units a line is built from: a run of visible ASCII (an English word or a number, never split
 * unless longer than a line), a run of spaces, or any other single character.
 */
function tokens(paragraph: string): string[] {
  return paragraph.match(/[\x21-\x7e]+|[ \t]+|[\s\S]/gu) ?? [];
}

function isSpace(token: string): boolean {
  return /^[ \t]+$/.test(token);
}

function firstChar(token: string): string {
  return Array.from(token)[0] ?? "";
}

function lastChar(token: string): string {
  return Array.from(token).at(-1) ?? "";
}

/** Splits a token wider than a line into pieces that fit. */
function hardSplit(token: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let w = 0;
  for (const ch of token) {
    const cw = charWidth(ch);
    if (piece !== "" && w + cw > max) {
      pieces.push(piece);
      piece = "";
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

function widthOf(parts: readonly string[]): number {
  return parts.reduce((w, t) => w + displayWidth(t), 0);
}

/** Width without trailing spaces: spaces at the end of a line take no visible room. */
function visibleWidth(parts: readonly string[]): number {
  return displayWidth(parts.join("").replace(/[ \t]+$/, ""));
}

function wrapParagraph(paragraph: string, max: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const units = tokens(paragraph).flatMap((t) =>
    !isSpace(t) && displayWidth(t) > max ? hardSplit(t, max) : [t],
  );
  for (const unit of units) {
    if (isSpace(unit) || line.length === 0 || widthOf(line) + displayWidth(unit) <= max) {
      // Spaces always stay on the line they follow (invisible at its end), so no text is lost.
      line.push(unit);
      continue;
    }
    // Break before `unit`. 禁則 (追い出し): carry characters that must not end this line, or
    // that must be followed by `unit` because it must not begin one, over to the next line,
    // as long as both lines still fit and this line keeps something.
    const carried: string[] = [];
    while (line.length > 1) {
      const last = line[line.length - 1] ?? "";
      const nextStart = carried[0] ?? unit;
      const mustCarry = NO_LINE_END.has(lastChar(last)) || NO_LINE_START.has(firstChar(nextStart));
      if (!mustCarry || isSpace(last)) break;
      if (widthOf([last, ...carried, unit]) > max) break;
      carried.unshift(last);
      line.pop();
    }
    lines.push(line.join(""));
    line = [...carried, unit];
  }
  lines.push(line.join(""));
  return lines;
}

/**
 * Wraps text into lines of at most `maxCharsPerLine` columns (full-width = 1, ASCII = 0.5;
 * trailing spaces excepted). Existing line breaks are kept; English words and numbers are not
 * split unless longer than a line; 、。）」 and the like never begin a line and （「 never
 * end one when it can be helped. Nothing is dropped: for text without line breaks,
 * `wrapText(t, n).join("") === t`. An empty text gives no lines.
 */
export function wrapText(text: string, maxCharsPerLine: number): string[] {
  if (text === "") return [];
  // A line must hold at least one full-width character.
  const max = Math.max(1, maxCharsPerLine);
  return text.split(/\r\n|\r|\n/).flatMap((p) => (p === "" ? [""] : wrapParagraph(p, max)));
}

/**
 * One line of at most `maxColumns` columns: runs of white space (line breaks included) become
 * one space, and a text still too wide is cut and ends in "…", so a cut is always visible.
 */
export function shorten(text: string, maxColumns: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (displayWidth(flat) <= maxColumns) return flat;
  const room = Math.max(0, maxColumns - charWidth(ELLIPSIS));
  let kept = "";
  let w = 0;
  for (const ch of flat) {
    const cw = charWidth(ch);
    if (w + cw > room) break;
    kept += ch;
    w += cw;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Whether shorten would cut the text. */
export function isShortened(text: string, maxColumns: number): boolean {
  return displayWidth(text.replace(/\s+/g, " ").trim()) > maxColumns;
}

/** Height in lines of a text wrapped at `maxCharsPerLine` (0 for an empty text). */
export function lineCount(text: string, maxCharsPerLine: number): number {
  return wrapText(text, maxCharsPerLine).length;
}

/** Whether a line fits in `maxColumns` columns, trailing spaces excepted (as wrapText counts). */
export function fitsLine(line: string, maxColumns: number): boolean {
  return visibleWidth([line]) <= maxColumns;
}
