/** Colours shared by the .docx and .pptx writers (hex without #, as both libraries take them). */

export const COLOR = {
  navy: "1F3A5F",
  ink: "263238",
  muted: "66758A",
  line: "D3DBE6",
  paper: "F2F5F9",
  band: "E4EBF3",
  accent: "2A9D8F",
  alert: "C0392B",
  white: "FFFFFF",
} as const;

/**
 * Grade colours in the order of 評価区分 (best first, as in "A:計画以上 B:計画どおり C:やや遅れ
 * D:遅れ"): green, blue, amber, red, then spare hues for longer scales.
 */
const GRADE_FILLS = ["2E7D32", "1E6FD9", "F2B01E", "D64541", "7E57C2", "00897B", "8D6E63"];
/** Text on a grade fill: dark on the light amber, white on the rest. */
const GRADE_INKS = ["FFFFFF", "FFFFFF", "263238", "FFFFFF", "FFFFFF", "FFFFFF", "FFFFFF"];

/** 未評価 / 未提出 and anything without a grade of its own. */
export const UNGRADED = { fill: "B8C2CE", ink: "263238" } as const;

export interface Swatch {
  readonly fill: string;
  readonly ink: string;
}

export function gradeSwatch(index: number): Swatch {
  if (index < 0) return UNGRADED;
  const i = index % GRADE_FILLS.length;
  return { fill: GRADE_FILLS[i] ?? UNGRADED.fill, ink: GRADE_INKS[i] ?? UNGRADED.ink };
}

/** Whether a bar part or legend entry stands for "no grade" (未評価) or "not submitted" (未提出). */
export function isEmptyPart(key: string, label: string): boolean {
  const k = key.trim();
  return k === "" || k === "-" || k === "—" || /^未/u.test(k) || /^未/u.test(label.trim());
}
