/**
 * The one text-measuring function of every layout: a text's width in points is its width in
 * full-width columns (./../text: 全角 = 1, ASCII and 半角カナ = 0.5) times the font size. Boxes
 * keep an inset on each side, as Google Slides and PowerPoint do, and lines are wrapped with
 * room to spare (WIDTH_USE) because proportional faces set some ASCII wider than half an em.
 */
import { displayWidth, shorten, wrapText } from "../text";

/** Inner margin of a text box, points (Slides' and PowerPoint's default 0.1 in / 0.05 in). */
export const INSET = { x: 7.2, y: 3.6 } as const;
/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.3;
/** Share of a line's room the wrapping fills. */
const WIDTH_USE = 0.92;

/** Width in points of one line of text at a size. */
export function textWidth(text: string, size: number): number {
  return displayWidth(text) * size;
}

/** How many full-width columns a box of width `w` holds at `size`. */
export function columnsIn(w: number, size: number): number {
  return Math.max(1, Math.floor(((w - 2 * INSET.x) * WIDTH_USE) / size));
}

/** The text wrapped to a box width (lines joined with "\n"), nothing dropped. */
export function wrapTo(text: string, w: number, size: number): string[] {
  return wrapText(text, columnsIn(w, size));
}

/** Height in points of `lines` lines at `size`, insets included. */
export function linesHeight(lines: number, size: number): number {
  return lines * size * LINE_HEIGHT + 2 * INSET.y;
}

/** The text on `maxLines` lines of a box at most, the last cut with a visible "…". */
export function clampLines(text: string, w: number, size: number, maxLines: number): string[] {
  const lines = wrapTo(text, w, size);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(0, maxLines - 1));
  const rest = lines.slice(kept.length).join("");
  return [...kept, shorten(rest, columnsIn(w, size))];
}
