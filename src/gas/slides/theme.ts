/**
 * The look of the annual deck: one Japanese font, one palette, one page size. Pure data and
 * colour helpers; no GAS globals.
 *
 * Font: "Noto Sans JP" is a Google Font that Slides offers in its font menu (the API accepts any
 * Google Font by name), it has every JIS X 0208 kanji, and it renders the same on Windows, macOS
 * and Chromebooks because Slides serves it as a web font. If a tenant blocks Google Fonts, pass
 * `{ fontFamily: "M PLUS 1p" }` (another Google Font with full kanji coverage) or "Meiryo".
 * Slides renders an unknown family as Arial, which has no kana/kanji, so the browser would fall
 * back per glyph: readable but uneven, hence one family for every run.
 */

export interface ThemeColors {
  /** title bars, table headers */
  readonly primary: string;
  readonly primaryDark: string;
  /** thin rules and the 和暦 chip */
  readonly accent: string;
  readonly text: string;
  readonly muted: string;
  /** text on primary */
  readonly onPrimary: string;
  readonly background: string;
  /** bar tracks */
  readonly surface: string;
  readonly border: string;
  /** every other table row */
  readonly zebra: string;
  /** 提出 / 未提出 */
  readonly submitted: string;
  readonly pending: string;
  /** 評価区分 code → colour (best → worst) */
  readonly grades: Readonly<Record<string, string>>;
  /** 未評価 / 未報告 */
  readonly ungraded: string;
  /** colours for keys nobody named (e.g. a 評価区分 "S"), in order */
  readonly series: readonly string[];
}

export interface Theme {
  readonly fontFamily: string;
  /** page size in points; a new presentation from the API is 16:9, 720 × 405 pt */
  readonly page: { readonly width: number; readonly height: number };
  readonly colors: ThemeColors;
}

export const theme: Theme = {
  fontFamily: "Noto Sans JP",
  page: { width: 720, height: 405 },
  colors: {
    primary: "#1F4E79",
    primaryDark: "#163A5A",
    accent: "#E9A23B",
    text: "#263238",
    muted: "#607D8B",
    onPrimary: "#FFFFFF",
    background: "#FFFFFF",
    surface: "#ECEFF3",
    border: "#CFD8DC",
    zebra: "#F5F8FB",
    submitted: "#2B7BB9",
    pending: "#F0B67F",
    grades: { A: "#2E7D32", B: "#1E88E5", C: "#F2B33D", D: "#C62828" },
    ungraded: "#B0BEC5",
    series: ["#6A4C93", "#00897B", "#8D6E63", "#5C6BC0", "#D81B60", "#7CB342"],
  },
};

/** what `deckRequests(…, { theme })` accepts: any part of the theme, colours one by one */
export interface ThemeOverrides {
  readonly fontFamily?: string;
  readonly page?: Theme["page"];
  readonly colors?: Partial<ThemeColors>;
}

export function resolveTheme(overrides?: ThemeOverrides): Theme {
  if (!overrides) return theme;
  return {
    fontFamily: overrides.fontFamily ?? theme.fontFamily,
    page: overrides.page ?? theme.page,
    colors: { ...theme.colors, ...overrides.colors },
  };
}

export interface Rgb {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

/** "#1F4E79" (or "1F4E79", "#abc") → Slides RgbColor with 0..1 components */
export function hexToRgb(hex: string): Rgb {
  let h = hex.trim().replace(/^#/, "");
  if (/^[0-9a-fA-F]{3}$/.test(h)) h = [...h].map((c) => c + c).join("");
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const byte = (i: number) =>
    Math.round((Number.parseInt(h.slice(i, i + 2), 16) / 255) * 1000) / 1000;
  return { red: byte(0), green: byte(2), blue: byte(4) };
}

/** WCAG relative luminance of a colour */
function luminance(hex: string): number {
  const { red, green, blue } = hexToRgb(hex);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue);
}

/** the theme's dark text or white, whichever reads better on `fill` */
export function textOn(fill: string, t: Theme): string {
  const l = luminance(fill);
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return contrast(l, luminance(t.colors.onPrimary)) >= contrast(l, luminance(t.colors.text))
    ? t.colors.onPrimary
    : t.colors.text;
}

const SUBMITTED = new Set(["submitted", "提出", "提出済", "確認済", "done"]);
const PENDING = new Set(["pending", "unsubmitted", "未提出", "missing", "差戻し", "overdue"]);
const UNGRADED = new Set([
  "",
  "-",
  "—",
  "none",
  "null",
  "ungraded",
  "unrated",
  "未評価",
  "未報告",
  "未評価・未報告",
]);

/** the colour a known part key or label stands for, or undefined */
function knownColor(name: string, t: Theme): string | undefined {
  const k = name.trim();
  const grade = t.colors.grades[k] ?? t.colors.grades[k.toUpperCase()];
  if (grade) return grade;
  const lower = k.toLowerCase();
  if (SUBMITTED.has(lower)) return t.colors.submitted;
  if (PENDING.has(lower)) return t.colors.pending;
  if (UNGRADED.has(lower)) return t.colors.ungraded;
  return undefined;
}

/**
 * Colours for the parts of bar charts and legends, by key: 評価区分 codes get their grade colour,
 * 提出/未提出 and 未評価 theirs (matched by key, then by label), anything else the next series
 * colour in first-seen order, so the same key is the same colour everywhere on a slide.
 */
export class PartColors {
  private readonly assigned = new Map<string, string>();
  private next = 0;

  constructor(private readonly t: Theme) {}

  of(key: string, label: string): string {
    const seen = this.assigned.get(key);
    if (seen) return seen;
    let color = knownColor(key, this.t) ?? knownColor(label, this.t);
    if (!color) {
      const series = this.t.colors.series;
      color =
        series.length > 0
          ? (series[this.next % series.length] ?? this.t.colors.muted)
          : this.t.colors.muted;
      this.next += 1;
    }
    this.assigned.set(key, color);
    return color;
  }
}

/** the grade colour for a table cell like "A", "A（計画以上）", "B 計画どおり"; undefined otherwise */
export function gradeColorOf(text: string, t: Theme): string | undefined {
  const code = text.trim().split(/[\s（(:：]/)[0] ?? "";
  if (code === "") return undefined;
  return t.colors.grades[code] ?? t.colors.grades[code.toUpperCase()];
}

interface DimensionLike {
  readonly magnitude?: number | null;
  readonly unit?: string | null;
}

/**
 * A presentation's pageSize (from Presentations.get/create: EMU, 12,700 per pt) as theme.page,
 * for templates that are not 16:9; undefined when it is missing.
 */
export function pageSizeInPt(
  size:
    | { readonly width?: DimensionLike | null; readonly height?: DimensionLike | null }
    | undefined,
): Theme["page"] | undefined {
  const pt = (d: DimensionLike | null | undefined): number | undefined => {
    if (!d || typeof d.magnitude !== "number" || d.magnitude <= 0) return undefined;
    return d.unit === "PT" ? d.magnitude : Math.round((d.magnitude / 12700) * 100) / 100;
  };
  const width = pt(size?.width);
  const height = pt(size?.height);
  return width === undefined || height === undefined ? undefined : { width, height };
}
