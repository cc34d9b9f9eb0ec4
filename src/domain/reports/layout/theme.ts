/** The one theme of every report: page size, fonts, colours and type sizes. */

/** 16:9 in points: the size of a new Google Slides deck and of PowerPoint's 10 × 5.625 in. */
export const PAGE = { width: 720, height: 405 } as const;

/**
 * Fonts, first choice first. BIZ UDPゴシック is in Google Docs/Slides and in Windows since 10
 * (a universal-design face meant for public documents); 游ゴシック and メイリオ are on every
 * Windows PC of the last decade; Noto Sans CJK JP is what a Linux LibreOffice usually has.
 * Google and pptxgenjs take one name: they get the first; the .docx font table lists the others
 * as alternatives.
 */
export const FONT_STACK = [
  "BIZ UDPゴシック",
  "游ゴシック",
  "メイリオ",
  "Noto Sans CJK JP",
] as const;

export const COLOR = {
  navy: "1F3A5F",
  ink: "263238",
  muted: "5F6E82",
  line: "D3DBE6",
  paper: "F4F6FA",
  band: "E4EBF3",
  accent: "2A9D8F",
  alert: "C0392B",
  white: "FFFFFF",
  track: "E3E8EF",
  target: "9FB3C8",
  titleInk: "C9D6E3",
} as const;

/** Grade fills in the order of 評価区分 (best first): green, blue, amber, red, spares. */
const GRADE_FILLS = ["2E7D32", "1E6FD9", "F2B01E", "D64541", "7E57C2", "00897B", "8D6E63"];
/** Text on a grade fill: dark on the light amber, white on the rest. */
const GRADE_INKS = ["FFFFFF", "FFFFFF", "263238", "FFFFFF", "FFFFFF", "FFFFFF", "FFFFFF"];

export interface Swatch {
  readonly fill: string;
  readonly ink: string;
}

/** 未評価 / 未提出 and anything without a grade of its own. */
export const UNGRADED: Swatch = { fill: "B8C2CE", ink: "263238" };

/** The colours of the grade at `index` in 評価区分 (UNGRADED for -1). */
export function gradeSwatch(index: number): Swatch {
  if (index < 0) return UNGRADED;
  const i = index % GRADE_FILLS.length;
  return { fill: GRADE_FILLS[i] ?? UNGRADED.fill, ink: GRADE_INKS[i] ?? UNGRADED.ink };
}

/** Type sizes in points. */
export const SIZE = {
  deckTitle: 30,
  deckSubtitle: 18,
  slideTitle: 20,
  heading: 11,
  body: 10.5,
  small: 9,
  tiny: 7.5,
} as const;

/**
 * The name Google Docs knows a face by: Google Fonts lists BIZ UDPゴシック as "BIZ UDPGothic"
 * (https://fonts.google.com/specimen/BIZ+UDPGothic); an unknown name is drawn in Arial.
 */
export function googleFont(fonts: readonly string[]): string {
  const first = fonts[0] ?? FONT_STACK[0];
  return first === FONT_STACK[0] ? "BIZ UDPGothic" : first;
}
