/**
 * Offline annual deck: one 16:9 .pptx per DeckModel, drawn with pptxgenjs.
 *
 * One model slide makes one slide: the model already splits long pillars and issue lists. Only
 * a table that would not fit even at the smallest size continues on a slide of its own. Bars are drawn as rectangles rather than native charts: they look the same in
 * PowerPoint and LibreOffice, carry the same Japanese font as the rest, and match the Google
 * Slides deck, which draws its bars as shapes too. Every text box and table cell names the
 * font (see fonts.ts); sizes are chosen from a rough measure of the text (text-fit.ts) so that
 * text wraps inside its box instead of being cut or running off the slide.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import PptxGenJS from "pptxgenjs";
import {
  BAR_KEYS,
  type BarRow,
  type DeckModel,
  type DeckSlide,
  type GradeCount,
} from "../../domain/reports";
import type { DeckWriter, OutputFile } from "../../ports";
import { safeFileName } from "./file-name";
import { DEFAULT_REPORT_FONT } from "./fonts";
import { NONE, orNone, UNREPORTED } from "./format";
import { COLOR, gradeSwatch, isEmptyPart, type Swatch, UNGRADED } from "./palette";
import { fitFontSize, lineCount, linesHeight, textEms } from "./text-fit";

export interface PptxDeckWriterOptions {
  /** the typeface for every text, Latin and East Asian (default: Noto Sans CJK JP) */
  readonly font?: string;
}

type Slide = PptxGenJS.Slide;
type TextOptions = PptxGenJS.TextPropsOptions;
type Cell = PptxGenJS.TableCell;

type SlideOf<K extends DeckSlide["kind"]> = Extract<DeckSlide, { kind: K }>;

// LAYOUT_WIDE: 13.333 x 7.5 inches.
const W = 13.333;
const H = 7.5;
const MX = 0.55;
const CW = W - 2 * MX;
/** Where content starts below the title and where the footer begins. */
const TOP = 1.3;
const BOTTOM = 6.85;

const TRACK = "E3E8EF";
const SUBMITTED = COLOR.accent;
const TITLE_INK = "C9D6E3";

/** Everything a slide painter needs besides the slide. */
interface Ctx {
  readonly pres: PptxGenJS;
  readonly font: string;
  readonly deck: DeckModel;
}

function text(
  ctx: Ctx,
  slide: Slide,
  value: string | PptxGenJS.TextProps[],
  options: TextOptions,
): void {
  slide.addText(value, {
    fontFace: ctx.font,
    lang: "ja-JP",
    color: COLOR.ink,
    margin: 0,
    valign: "top",
    ...options,
  });
}

function rect(slide: Slide, x: number, y: number, w: number, h: number, fill: string): void {
  if (w <= 0 || h <= 0) return;
  slide.addShape("rect", { x, y, w, h, fill: { color: fill }, line: { type: "none" } });
}

/** A rounded label with centred text, e.g. a grade chip; returns its width. */
function chip(
  ctx: Ctx,
  slide: Slide,
  label: string,
  x: number,
  y: number,
  h: number,
  swatch: Swatch,
  fontSize: number,
): number {
  const w = (textEms(label) * fontSize) / 72 + 0.3;
  text(ctx, slide, label, {
    x,
    y,
    w,
    h,
    shape: "roundRect",
    rectRadius: 0.08,
    fill: { color: swatch.fill },
    color: swatch.ink,
    bold: true,
    fontSize,
    align: "center",
    valign: "middle",
  });
  return w;
}

/** Title, page marker, rule, footer and page number shared by every slide but the cover. */
function frame(ctx: Ctx, slide: Slide, title: string, part: string): void {
  slide.background = { color: COLOR.white };
  rect(slide, 0, 0.38, 0.14, 0.62, COLOR.accent);
  const partW = part === "" ? 0 : Math.max(1.4, (textEms(part) * 14) / 72 + 0.15);
  const titleW = CW - partW;
  const size = fitFontSize(title, titleW, 0.8, { max: 26, min: 16, maxLines: 2 });
  text(ctx, slide, title, {
    x: MX,
    y: 0.3,
    w: titleW,
    h: 0.8,
    fontSize: size,
    bold: true,
    color: COLOR.navy,
    valign: "middle",
    fit: "none",
  });
  if (part !== "") {
    text(ctx, slide, part, {
      x: W - MX - partW,
      y: 0.3,
      w: partW,
      h: 0.8,
      fontSize: 14,
      color: COLOR.muted,
      align: "right",
      valign: "middle",
    });
  }
  rect(slide, MX, 1.12, CW, 0.02, COLOR.line);
  text(ctx, slide, `${ctx.deck.title}　${ctx.deck.fyLabel}`, {
    x: MX,
    y: 7.0,
    w: CW - 1.2,
    h: 0.3,
    fontSize: 9,
    color: COLOR.muted,
    valign: "middle",
  });
  slide.slideNumber = {
    x: W - MX - 1.0,
    y: 7.0,
    w: 1.0,
    h: 0.3,
    fontFace: ctx.font,
    fontSize: 9,
    color: COLOR.muted,
    align: "right",
  };
}

function titleSlide(ctx: Ctx, slide: Slide, s: SlideOf<"title">): void {
  slide.background = { color: COLOR.navy };
  rect(slide, 0, H - 0.35, W, 0.35, COLOR.accent);
  rect(slide, MX, 2.2, 1.3, 0.08, COLOR.accent);
  const titleSize = fitFontSize(s.title, CW, 1.7, { max: 40, min: 24, maxLines: 2 });
  text(ctx, slide, s.title, {
    x: MX,
    y: 2.45,
    w: CW,
    h: 1.7,
    fontSize: titleSize,
    bold: true,
    color: COLOR.white,
    valign: "bottom",
  });
  const subSize = fitFontSize(s.subtitle, CW, 0.9, { max: 22, min: 14 });
  text(ctx, slide, s.subtitle, {
    x: MX,
    y: 4.35,
    w: CW,
    h: 0.9,
    fontSize: subSize,
    color: TITLE_INK,
  });
  text(ctx, slide, s.date, { x: MX, y: 5.35, w: CW, h: 0.4, fontSize: 16, color: TITLE_INK });
}

type Legend = SlideOf<"overview">["legend"];

/** Part keys with a colour of their own (the domain's BAR_KEYS); any other key is a grade code. */
const STATUS_KEYS: ReadonlySet<string> = new Set([
  BAR_KEYS.submitted,
  BAR_KEYS.unsubmitted,
  BAR_KEYS.ungraded,
]);
const SUBMISSION_KEYS: ReadonlySet<string> = new Set([BAR_KEYS.submitted, BAR_KEYS.unsubmitted]);

/**
 * The colours of a bar part or legend entry: 提出 in the accent colour, 未提出 and 未評価 in grey,
 * and each grade by its place in the legend's grade scale (best first), as on the pillar slides.
 */
function partSwatch(legend: Legend, key: string, label: string): Swatch {
  if (key === BAR_KEYS.submitted) return { fill: SUBMITTED, ink: COLOR.white };
  if (STATUS_KEYS.has(key) || isEmptyPart(key, label)) return UNGRADED;
  const grades = legend
    .filter((l) => !STATUS_KEYS.has(l.key) && !isEmptyPart(l.key, l.label))
    .map((l) => l.key);
  return gradeSwatch(grades.indexOf(key));
}

/** A grade as the pillar slides name it: 「A 計画以上」, or the code alone. */
function gradeName(g: { readonly code: string; readonly label: string }): string {
  return g.label === "" ? g.code : `${g.code} ${g.label}`;
}

/** Rows of the overview grid: one per pillar label, with its submission and grade bars. */
function overviewRows(
  s: SlideOf<"overview">,
): { label: string; submission?: BarRow; grades?: BarRow }[] {
  const rows = new Map<string, { label: string; submission?: BarRow; grades?: BarRow }>();
  for (const b of s.submission) rows.set(b.label, { label: b.label, submission: b });
  for (const b of s.grades) {
    const row = rows.get(b.label);
    if (row) row.grades = b;
    else rows.set(b.label, { label: b.label, grades: b });
  }
  return [...rows.values()];
}

const LEGEND_LINE = 0.36;
const LEGEND_SIZE = 11;

interface LegendItem {
  readonly label: string;
  readonly fill: string;
  readonly x: number;
  readonly w: number;
  readonly line: number;
}

/**
 * The legends under the overview: the submission parts (from the first row that has any) at
 * the left, the grade scale under the grade bars when it fits there, wrapping onto more lines
 * otherwise, so no entry runs off the slide.
 */
function overviewLegend(
  s: SlideOf<"overview">,
  gradeX: number,
): { items: LegendItem[]; lines: number } {
  const right = MX + CW;
  const width = (label: string): number => 0.25 + (textEms(label) * LEGEND_SIZE) / 72 + 0.15;
  const items: LegendItem[] = [];
  let x = MX;
  let line = 0;
  const place = (label: string, fill: string): void => {
    const w = width(label);
    if (x + w > right && x > MX) {
      line += 1;
      x = MX;
    }
    items.push({ label, fill, x, w: Math.min(w, right - x), line });
    x += w + 0.2;
  };
  // 提出 / 未提出 at the left, under the submission bars; the grade scale and 未評価 after
  const fromParts = (s.submission.find((b) => b.parts.length > 0)?.parts ?? []).map((p) => ({
    key: p.key,
    label: p.label,
  }));
  const submission = s.legend.filter((e) => SUBMISSION_KEYS.has(e.key));
  const rest = s.legend.filter((e) => !SUBMISSION_KEYS.has(e.key));
  const name = (e: { key: string; label: string }): string => (e.label === "" ? e.key : e.label);
  for (const e of submission.length > 0 ? submission : fromParts) {
    place(name(e), partSwatch(s.legend, e.key, e.label).fill);
  }
  const restWidth = rest.reduce((n, e) => n + width(name(e)) + 0.2, 0);
  if (gradeX >= x && gradeX + restWidth <= right + 0.2) x = gradeX;
  else if (x > MX) x += 0.3;
  for (const e of rest) place(name(e), partSwatch(s.legend, e.key, e.label).fill);
  return { items, lines: line + 1 };
}

function overviewSlide(ctx: Ctx, slide: Slide, s: SlideOf<"overview">): void {
  frame(ctx, slide, s.title, "");
  const rows = overviewRows(s);
  // as wide as the longest label on one line at 13 pt (pillar IDs need little), at most 3.5 in
  const labelW = Math.min(
    3.5,
    Math.max(1.2, ...rows.map((r) => (textEms(r.label) * 13) / 72 + 0.3)),
  );
  const subTextW = 1.25;
  const gradeTextW = 0.65;
  // the bars share what the labels leave: 40% submission, 60% grades
  const bars = CW - labelW - 0.25 - subTextW - 0.35 - gradeTextW - 0.1;
  const subX = MX + labelW + 0.25;
  const subBarW = bars * 0.4;
  const gradeX = subX + subBarW + subTextW + 0.35;
  const gradeBarW = bars * 0.6;

  const head = { y: TOP, h: 0.35, fontSize: 13, bold: true, color: COLOR.navy } as const;
  text(ctx, slide, "柱", { ...head, x: MX, w: labelW });
  text(ctx, slide, "提出状況", { ...head, x: subX, w: subBarW + subTextW });
  text(ctx, slide, "評価の分布", { ...head, x: gradeX, w: gradeBarW + gradeTextW });

  const legend = overviewLegend(s, gradeX);
  const noteY = 6.38;
  const legendY = noteY - 0.05 - legend.lines * LEGEND_LINE;
  const top = TOP + 0.45;
  const rowH = rows.length === 0 ? 0.6 : Math.min(0.8, (legendY - 0.1 - top) / rows.length);
  const barH = Math.max(0.12, Math.min(0.34, rowH * 0.5));
  const labelSize = Math.min(
    ...rows.map((r) =>
      fitFontSize(r.label, labelW - 0.1, rowH - 0.06, { max: 13, min: 7, maxLines: 2 }),
    ),
    13,
  );
  const valueSize = Math.max(7, Math.min(11, labelSize));
  const maxGrades = Math.max(1, ...s.grades.map((b) => b.total));

  rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (i % 2 === 0) rect(slide, MX - 0.1, y, CW + 0.2, rowH, COLOR.paper);
    text(ctx, slide, row.label, {
      x: MX,
      y,
      w: labelW - 0.1,
      h: rowH,
      fontSize: labelSize,
      valign: "middle",
    });
    const barY = y + (rowH - barH) / 2;
    const sub = row.submission;
    if (sub) {
      rect(slide, subX, barY, subBarW, barH, TRACK);
      let x = subX;
      let done = 0;
      for (const part of sub.parts) {
        const w = sub.total > 0 ? (part.value / sub.total) * subBarW : 0;
        const fill = partSwatch(s.legend, part.key, part.label).fill;
        if (fill === SUBMITTED) done += part.value;
        rect(slide, x, barY, w, barH, fill);
        x += w;
      }
      const rate = sub.total > 0 ? `（${Math.round((done / sub.total) * 100)}%）` : "";
      text(ctx, slide, sub.total > 0 ? `${done}/${sub.total}${rate}` : "取組なし", {
        x: subX + subBarW + 0.08,
        y,
        w: subTextW - 0.08,
        h: rowH,
        fontSize: valueSize,
        color: COLOR.muted,
        valign: "middle",
      });
    }
    const grades = row.grades;
    if (grades) {
      rect(slide, gradeX, barY, (grades.total / maxGrades) * gradeBarW, barH, TRACK);
      let x = gradeX;
      for (const part of grades.parts) {
        if (part.value <= 0) continue;
        const w = (part.value / maxGrades) * gradeBarW;
        const swatch = partSwatch(s.legend, part.key, part.label);
        rect(slide, x, barY, w, barH, swatch.fill);
        if (w >= 0.28 && barH >= 0.18) {
          text(ctx, slide, String(part.value), {
            x,
            y: barY,
            w,
            h: barH,
            fontSize: Math.min(valueSize, (barH * 72) / 1.3),
            color: swatch.ink,
            bold: true,
            align: "center",
            valign: "middle",
          });
        }
        x += w;
      }
      text(ctx, slide, grades.total > 0 ? `${grades.total}件` : "取組なし", {
        x: x + 0.08,
        y,
        w: gradeTextW,
        h: rowH,
        fontSize: valueSize,
        color: COLOR.muted,
        valign: "middle",
      });
    }
  });

  for (const item of legend.items) {
    const y = legendY + item.line * LEGEND_LINE;
    rect(slide, item.x, y + 0.09, 0.18, 0.18, item.fill);
    text(ctx, slide, item.label, {
      x: item.x + 0.25,
      y,
      w: item.w - 0.25,
      h: LEGEND_LINE,
      fontSize: LEGEND_SIZE,
      valign: "middle",
    });
  }
  if (s.note.trim() !== "") {
    const noteSize = fitFontSize(s.note, CW, 0.5, { max: 11, min: 7 });
    text(ctx, slide, s.note, {
      x: MX,
      y: noteY,
      w: CW,
      h: 0.5,
      fontSize: noteSize,
      color: COLOR.muted,
    });
  }
}

/** Index of a grade text ("B", "B（計画どおり）") in the slide's scale, -1 when not graded. */
function gradeIndexOf(grades: readonly GradeCount[], grade: string): number {
  let best = -1;
  let bestLength = 0;
  grades.forEach((g, i) => {
    if (g.code === "" || g.code.length <= bestLength) return;
    const next = grade.charAt(g.code.length);
    if (
      grade.startsWith(g.code) &&
      (next === "" || !/[\p{L}\p{N}]/u.test(next) || /[（(\s]/u.test(next))
    ) {
      best = i;
      bestLength = g.code.length;
    }
  });
  return best;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: "left" | "center";
}

const HEADER_H = 0.42;
const CELL_PAD_V = 0.06;
const CELL_PAD_H = 0.1;

const MAX_TABLE_FONT = 13;
const MIN_TABLE_FONT = 7.5;

/**
 * The font size (max 13, min 7.5) and row heights at which `rows` fit in `height` inches;
 * `fits` is false when they do not fit even at the smallest size.
 */
function fitTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  height: number,
): { fontSize: number; rowHeights: number[]; fits: boolean } {
  const measure = (size: number): number[] =>
    rows.map((cells) => {
      const lines = Math.max(
        1,
        ...cells.map((c, i) => lineCount(c, (columns[i]?.width ?? 1) - 2 * CELL_PAD_H, size)),
      );
      return linesHeight(lines, size) + 2 * CELL_PAD_V + 0.04;
    });
  for (let size = MAX_TABLE_FONT; size >= MIN_TABLE_FONT; size -= 0.5) {
    const heights = measure(size);
    if (heights.reduce((a, b) => a + b, 0) <= height - HEADER_H)
      return { fontSize: size, rowHeights: heights, fits: true };
  }
  return { fontSize: MIN_TABLE_FONT, rowHeights: measure(MIN_TABLE_FONT), fits: false };
}

/**
 * Lays `rows` out as tables from `y` on `slide`. The model splits long lists across slides;
 * should a slide still hold more than fits at the smallest size, the rest goes on continuation
 * slides (`next` makes one) rather than running off the slide.
 */
function addTables(
  ctx: Ctx,
  slide: Slide,
  y: number,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  next: () => Slide,
  styleCell?: (row: number, col: number, value: string) => PptxGenJS.TableCellProps,
): void {
  let target = slide;
  let top = y;
  let rest = rows;
  for (;;) {
    const fit = fitTable(columns, rest, BOTTOM - top);
    if (fit.fits || rest.length <= 1) {
      addTable(ctx, target, top, columns, rest, styleCell);
      return;
    }
    let used = HEADER_H;
    let count = 0;
    for (const h of fit.rowHeights) {
      if (used + h > BOTTOM - top) break;
      used += h;
      count += 1;
    }
    // a first slide too full for even one row starts the table on the next one
    if (count > 0) addTable(ctx, target, top, columns, rest.slice(0, count), styleCell);
    rest = rest.slice(count);
    target = next();
    top = TOP;
  }
}

/** A table with a navy header; `styleCell` may colour a body cell. */
function addTable(
  ctx: Ctx,
  slide: Slide,
  y: number,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  styleCell: (row: number, col: number, value: string) => PptxGenJS.TableCellProps = () => ({}),
): void {
  const { fontSize, rowHeights } = fitTable(columns, rows, BOTTOM - y);
  const border: PptxGenJS.BorderProps = { type: "solid", pt: 0.75, color: COLOR.line };
  const base: PptxGenJS.TableCellProps = {
    fontFace: ctx.font,
    lang: "ja-JP",
    fontSize,
    color: COLOR.ink,
    valign: "middle",
    margin: [CELL_PAD_V, CELL_PAD_H, CELL_PAD_V, CELL_PAD_H],
    border,
  };
  const header: Cell[] = columns.map((c) => ({
    text: c.header,
    options: {
      ...base,
      bold: true,
      color: COLOR.white,
      fill: { color: COLOR.navy },
      fontSize: Math.max(fontSize, 11),
    },
  }));
  const body: Cell[][] = rows.map((cells, r) =>
    cells.map((value, c) => ({
      text: value,
      options: {
        ...base,
        align: columns[c]?.align ?? "left",
        fill: { color: r % 2 === 1 ? COLOR.paper : COLOR.white },
        ...styleCell(r, c, value),
      },
    })),
  );
  slide.addTable([header, ...body], {
    x: MX,
    y,
    w: CW,
    colW: columns.map((c) => c.width),
    rowH: [HEADER_H, ...rowHeights],
    fontFace: ctx.font,
    fontSize,
    border,
  });
}

/** Makes a continuation slide for a table that overflows its model slide. */
function continuation(ctx: Ctx, s: { readonly title: string; readonly part: string }): () => Slide {
  return () => {
    const extra = ctx.pres.addSlide();
    frame(ctx, extra, s.title, `${s.part}（続き）`.trim());
    return extra;
  };
}

function pillarSlide(ctx: Ctx, slide: Slide, s: SlideOf<"pillar">): void {
  frame(ctx, slide, s.title, s.part);
  let y = TOP;
  if (s.strategy.trim() !== "") {
    const textW = CW - 1.15;
    const size = fitFontSize(s.strategy, textW, 0.9, { max: 14, min: 10 });
    const h = Math.max(0.5, linesHeight(lineCount(s.strategy, textW, size), size) + 0.2);
    rect(slide, MX, y, CW, h, COLOR.paper);
    chip(
      ctx,
      slide,
      "戦略",
      MX + 0.1,
      y + (h - 0.32) / 2,
      0.32,
      { fill: COLOR.accent, ink: COLOR.white },
      11,
    );
    text(ctx, slide, s.strategy, {
      x: MX + 1.0,
      y: y + 0.1,
      w: textW,
      h: h - 0.2,
      fontSize: size,
      valign: "middle",
    });
    y += h + 0.15;
  }
  if (s.grades.length > 0) {
    text(ctx, slide, "評価の内訳", {
      x: MX,
      y,
      w: 1.2,
      h: 0.34,
      fontSize: 11,
      bold: true,
      color: COLOR.navy,
      valign: "middle",
    });
    let x = MX + 1.25;
    s.grades.forEach((g, i) => {
      const label = `${gradeName(g)}　${g.count}件`;
      x += chip(ctx, slide, label, x, y, 0.34, gradeSwatch(i), 11) + 0.12;
    });
    y += 0.5;
  }
  if (s.rows.length === 0) {
    text(ctx, slide, "この柱に取組はありません。", {
      x: MX,
      y,
      w: CW,
      h: 0.5,
      fontSize: 14,
      color: COLOR.muted,
    });
    return;
  }
  const columns: Column[] = [
    { header: "取組ID", width: 0.95, align: "center" },
    { header: "取組内容", width: 5.9 },
    { header: "評価", width: 2.0, align: "center" },
    { header: "主な数値", width: CW - 8.85 },
  ];
  const rows = s.rows.map((r) => [
    r.measureId,
    orNone(r.content),
    orNone(r.grade),
    orNone(r.figure),
  ]);
  addTables(ctx, slide, y, columns, rows, continuation(ctx, s), (_r, c, value) => {
    if (c !== 2) return {};
    if (value === UNREPORTED) return { color: COLOR.alert, bold: true };
    if (value === NONE) return { color: COLOR.muted };
    const i = gradeIndexOf(s.grades, value);
    if (i < 0) return {};
    const swatch = gradeSwatch(i);
    return { fill: { color: swatch.fill }, color: swatch.ink, bold: true };
  });
}

function issuesSlide(ctx: Ctx, slide: Slide, s: SlideOf<"issues">): void {
  frame(ctx, slide, s.title, s.part);
  if (s.items.length === 0) {
    text(ctx, slide, "記載された課題・次の対応はありません。", {
      x: MX,
      y: TOP,
      w: CW,
      h: 0.5,
      fontSize: 14,
      color: COLOR.muted,
    });
    return;
  }
  const half = (CW - 1.0) / 2;
  const columns: Column[] = [
    { header: "取組ID", width: 1.0, align: "center" },
    { header: "課題", width: half },
    { header: "次の対応", width: half },
  ];
  const rows = s.items.map((item) => [item.measureId, orNone(item.issue), orNone(item.next)]);
  addTables(ctx, slide, TOP, columns, rows, continuation(ctx, s), (_r, _c, value) =>
    value === NONE ? { color: COLOR.muted } : {},
  );
}

function paint(ctx: Ctx, slide: Slide, s: DeckSlide): void {
  switch (s.kind) {
    case "title":
      titleSlide(ctx, slide, s);
      break;
    case "overview":
      overviewSlide(ctx, slide, s);
      break;
    case "pillar":
      pillarSlide(ctx, slide, s);
      break;
    case "issues":
      issuesSlide(ctx, slide, s);
      break;
  }
}

/** The presentation for a deck, not yet written. */
export function deckPresentation(deck: DeckModel, font: string = DEFAULT_REPORT_FONT): PptxGenJS {
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_WIDE";
  pres.title = deck.title;
  pres.subject = deck.fyLabel;
  pres.author = "genki-plan";
  pres.theme = { headFontFace: font, bodyFontFace: font };
  const ctx: Ctx = { pres, font, deck };
  for (const s of deck.slides) paint(ctx, pres.addSlide(), s);
  return pres;
}

/** Writes the annual deck as one .pptx into `dir`; `folderId` and `templateId` are for GAS. */
export class PptxDeckWriter implements DeckWriter {
  /** paths written so far, in order */
  readonly written: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly options: PptxDeckWriterOptions = {},
  ) {}

  async writeDeck(
    deck: DeckModel,
    _options: { folderId?: string; templateId?: string } = {},
  ): Promise<OutputFile> {
    const pres = deckPresentation(deck, this.options.font ?? DEFAULT_REPORT_FONT);
    const data = await pres.write({ outputType: "nodebuffer" });
    if (!(data instanceof Uint8Array)) throw new Error("pptxgenjs did not return a buffer");
    const name = `${safeFileName(deck.title, "annual-deck")}.pptx`;
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, name);
    await writeFile(path, data);
    this.written.push(path);
    return { name, url: path };
  }
}
