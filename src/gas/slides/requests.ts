/**
 * DeckModel → one presentations.batchUpdate request list (Slides API v1), as a pure function:
 * no GAS globals, so it is unit-tested without Google and the GAS adapter only sends it.
 *
 * Layout (16:9, 720 × 405 pt by default; everything scales from theme.page):
 * - title slide: a primary band with the plan name (up to 36 pt), the 和暦 year chip, the
 *   subtitle and the date under it;
 * - other slides: a primary title bar (with the "2 / 3" part chip when the model split a
 *   pillar), an accent rule, a footer rule with the deck title left and "n / N" right;
 * - overview: per pillar, a 提出/未提出 bar (widths proportional to the counts, every row the
 *   same full width) and a stacked grade bar, drawn with rectangles on a grey track, counts
 *   printed inside segments wide enough to hold them, then the legend and the note;
 * - pillar: 戦略 line, grade chips, then a table 取組ID | 取組内容 | 評価 | 主な数値 with a
 *   primary header row, zebra rows and the 評価 cell filled with its grade colour;
 * - issues: a table 取組ID | 課題 | 次の対応.
 *
 * Every text the model gives is inserted whole. Font sizes are chosen per box (or per table) by
 * estimating wrapped height (text-fit.ts) and stepping down to a floor; when even the floor
 * does not fit, a DeckWarning says where, so nothing overflows silently. Splitting long lists
 * across slides is the model's job.
 *
 * Object IDs are `gk_s03_title`-style: deterministic, valid and unique (ids.ts). The new slides
 * are appended after `existingSlideIds`, which are deleted at the end of the list, so the
 * presentation is never left without a slide.
 */
import type { slides_v1 } from "googleapis";
import type { BarRow, DeckModel, DeckSlide, GradeCount } from "../../domain/reports";
import { IdFactory } from "./ids";
import {
  type FitRange,
  fitFontSize,
  INSET_X,
  INSET_Y,
  lineCount,
  singleLineHeight,
  singleLineWidth,
  textHeight,
  textWidthEm,
} from "./text-fit";
import {
  gradeColorOf,
  hexToRgb,
  PartColors,
  resolveTheme,
  type Theme,
  type ThemeOverrides,
  textOn,
} from "./theme";

export { createdIds, IdFactory, isValidObjectId, referencedIds } from "./ids";
export {
  fitFontSize,
  INSET_X,
  INSET_Y,
  lineCount,
  singleLineHeight,
  singleLineWidth,
  textHeight,
  textWidthEm,
} from "./text-fit";
export type { Theme, ThemeColors, ThemeOverrides } from "./theme";
export { hexToRgb, pageSizeInPt, resolveTheme, theme } from "./theme";

type Request = slides_v1.Schema$Request;

/** Fixed words the renderer adds around the model's text (the model decides all the rest). */
export interface DeckLabels {
  readonly submissionChart: string;
  readonly gradeChart: string;
  readonly strategy: string;
  readonly measureHeaders: readonly [string, string, string, string];
  readonly issueHeaders: readonly [string, string, string];
  readonly noIssues: string;
  /** after a count in the grade chips: 「2件」 */
  readonly countSuffix: string;
  /** under the 取組ID of an issue continued from the previous slide */
  readonly continued: string;
}

export const defaultLabels: DeckLabels = {
  submissionChart: "提出状況",
  gradeChart: "評価の分布",
  strategy: "戦略",
  measureHeaders: ["取組ID", "取組内容", "評価", "主な数値"],
  issueHeaders: ["取組ID", "課題", "次の対応"],
  noIssues: "記載された課題はありません。",
  countSuffix: "件",
  continued: "（続き）",
};

export interface DeckRequestOptions {
  /** slides already in the new or copied presentation; deleted at the end of the list */
  readonly existingSlideIds?: readonly string[];
  readonly theme?: ThemeOverrides;
  /** object ID prefix, default "gk" */
  readonly idPrefix?: string;
  /** layout of every new slide, default the master's BLANK layout */
  readonly layout?: slides_v1.Schema$LayoutReference;
  readonly labels?: Partial<DeckLabels>;
}

/** A text that does not fit its box even at the smallest allowed size. */
export interface DeckWarning {
  /** 1-based slide number */
  readonly slide: number;
  readonly element: string;
  readonly message: string;
}

export interface DeckBuild {
  readonly requests: Request[];
  /** the new slides' object IDs, in order */
  readonly slideIds: string[];
  readonly warnings: DeckWarning[];
  readonly theme: Theme;
}

/** Every request for the whole deck, for one batchUpdate. */
export function deckRequests(deck: DeckModel, options: DeckRequestOptions = {}): Request[] {
  return buildDeckRequests(deck, options).requests;
}

/**
 * The same list typed for the Slides advanced service in GAS (`Slides.Presentations
 * .batchUpdate`). The JSON is identical; only the typings differ (googleapis allows `null` where
 * @types/google-apps-script does not, and this builder never emits null).
 */
export function toGasRequests(
  requests: readonly Request[],
): GoogleAppsScript.Slides.Schema.Request[] {
  return requests as unknown as GoogleAppsScript.Slides.Schema.Request[];
}

/** deckRequests with the slide IDs and the overflow warnings (for logs and tests). */
export function buildDeckRequests(deck: DeckModel, options: DeckRequestOptions = {}): DeckBuild {
  const existing = options.existingSlideIds ?? [];
  const ctx = new DeckContext(
    resolveTheme(options.theme),
    new IdFactory(options.idPrefix ?? "gk", existing),
    { ...defaultLabels, ...options.labels },
    options.layout ?? { predefinedLayout: "BLANK" },
    deck,
  );
  deck.slides.forEach((slide, i) => {
    ctx.slide(i + 1, slide);
  });
  // never leave the presentation without slides: keep the old ones when the model has none
  if (deck.slides.length > 0) {
    for (const id of existing) ctx.requests.push({ deleteObject: { objectId: id } });
  }
  return { requests: ctx.requests, slideIds: ctx.slideIds, warnings: ctx.warnings, theme: ctx.t };
}

// ---------------------------------------------------------------------------------------------
// primitives

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

type Align = "START" | "CENTER" | "END";
type VAlign = "TOP" | "MIDDLE" | "BOTTOM";

interface TextSpec {
  /** a fixed size or a range to fit */
  readonly size: number | FitRange;
  readonly color: string;
  readonly bold?: boolean;
  readonly align?: Align;
  readonly valign?: VAlign;
  readonly lineSpacing?: number;
  /** a filled shape instead of a transparent text box */
  readonly fill?: string;
  readonly shape?: "RECTANGLE" | "ROUND_RECTANGLE";
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

const pt = (magnitude: number): slides_v1.Schema$Dimension => ({
  magnitude: round2(magnitude),
  unit: "PT",
});

const solid = (hex: string): slides_v1.Schema$SolidFill => ({
  color: { rgbColor: hexToRgb(hex) },
});

function elementProperties(pageObjectId: string, box: Box): slides_v1.Schema$PageElementProperties {
  return {
    pageObjectId,
    size: { width: pt(box.w), height: pt(box.h) },
    transform: {
      scaleX: 1,
      scaleY: 1,
      shearX: 0,
      shearY: 0,
      translateX: round2(box.x),
      translateY: round2(box.y),
      unit: "PT",
    },
  };
}

/** CRLF/CR → LF; other control characters (the API rejects some) dropped; tabs kept */
export function cleanText(text: string): string {
  let out = "";
  for (const ch of text.replace(/\r\n?/g, "\n")) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp < 0x20 && ch !== "\n" && ch !== "\t") || cp === 0x7f) continue;
    out += ch;
  }
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

// ---------------------------------------------------------------------------------------------

class DeckContext {
  readonly requests: Request[] = [];
  readonly warnings: DeckWarning[] = [];
  readonly slideIds: string[] = [];

  constructor(
    readonly t: Theme,
    readonly ids: IdFactory,
    readonly labels: DeckLabels,
    readonly layout: slides_v1.Schema$LayoutReference,
    readonly deck: DeckModel,
  ) {}

  slide(n: number, slide: DeckSlide): void {
    const page = new Page(this, n);
    switch (slide.kind) {
      case "title":
        titleSlide(page, slide);
        break;
      case "overview":
        overviewSlide(page, slide);
        break;
      case "pillar":
        pillarSlide(page, slide);
        break;
      case "issues":
        issuesSlide(page, slide);
        break;
    }
    if (slide.kind !== "title") footer(page);
  }
}

type SlideOf<K extends DeckSlide["kind"]> = Extract<DeckSlide, { kind: K }>;

/** One slide being drawn: hands out element IDs and emits the requests for its elements. */
class Page {
  readonly id: string;
  readonly t: Theme;
  readonly W: number;
  readonly H: number;

  constructor(
    readonly ctx: DeckContext,
    readonly n: number,
  ) {
    this.t = ctx.t;
    this.W = ctx.t.page.width;
    this.H = ctx.t.page.height;
    this.id = ctx.ids.id(`s${pad2(n)}`);
    ctx.slideIds.push(this.id);
    ctx.requests.push(
      { createSlide: { objectId: this.id, slideLayoutReference: ctx.layout } },
      {
        updatePageProperties: {
          objectId: this.id,
          pageProperties: { pageBackgroundFill: { solidFill: solid(ctx.t.colors.background) } },
          fields: "pageBackgroundFill.solidFill.color",
        },
      },
    );
  }

  private push(...r: Request[]): void {
    this.ctx.requests.push(...r);
  }

  warn(element: string, message: string): void {
    this.ctx.warnings.push({ slide: this.n, element, message });
  }

  /** a filled shape without text */
  rect(name: string, box: Box, fill: string, shape = "RECTANGLE"): string {
    const objectId = this.ctx.ids.id(`s${pad2(this.n)}_${name}`);
    this.push(
      {
        createShape: {
          objectId,
          shapeType: shape,
          elementProperties: elementProperties(this.id, box),
        },
      },
      {
        updateShapeProperties: {
          objectId,
          shapeProperties: {
            shapeBackgroundFill: { solidFill: solid(fill) },
            outline: { propertyState: "NOT_RENDERED" },
          },
          fields: "shapeBackgroundFill.solidFill.color,outline.propertyState",
        },
      },
    );
    return objectId;
  }

  /** a text box (or filled shape with text); nothing when the text is empty */
  text(name: string, box: Box, raw: string, spec: TextSpec): string | undefined {
    const text = cleanText(raw);
    if (text.trim() === "") return undefined;
    const objectId = this.ctx.ids.id(`s${pad2(this.n)}_${name}`);
    const range: FitRange =
      typeof spec.size === "number"
        ? { max: spec.size, min: spec.size, lineSpacing: spec.lineSpacing ?? 100 }
        : { lineSpacing: spec.lineSpacing ?? 100, ...spec.size };
    const fit = fitFontSize(text, box.w, box.h, range);
    if (!fit.fits) {
      this.warn(
        name,
        `text of ${[...text].length} characters does not fit ${Math.round(box.w)}×${Math.round(box.h)} pt at ${fit.size} pt`,
      );
    }
    const shapeProperties: slides_v1.Schema$ShapeProperties = {
      contentAlignment: spec.valign ?? "MIDDLE",
    };
    let fields = "contentAlignment";
    if (spec.fill) {
      shapeProperties.shapeBackgroundFill = { solidFill: solid(spec.fill) };
      shapeProperties.outline = { propertyState: "NOT_RENDERED" };
      fields += ",shapeBackgroundFill.solidFill.color,outline.propertyState";
    }
    this.push(
      {
        createShape: {
          objectId,
          shapeType: spec.fill ? (spec.shape ?? "RECTANGLE") : "TEXT_BOX",
          elementProperties: elementProperties(this.id, box),
        },
      },
      { updateShapeProperties: { objectId, shapeProperties, fields } },
      { insertText: { objectId, insertionIndex: 0, text } },
      this.textStyle(objectId, undefined, fit.size, spec.color, spec.bold ?? false),
      this.paragraphStyle(objectId, undefined, spec.align ?? "START", range.lineSpacing ?? 100),
    );
    return objectId;
  }

  textStyle(
    objectId: string,
    cellLocation: slides_v1.Schema$TableCellLocation | undefined,
    size: number,
    color: string,
    bold: boolean,
  ): Request {
    return {
      updateTextStyle: {
        objectId,
        ...(cellLocation ? { cellLocation } : {}),
        textRange: { type: "ALL" },
        style: {
          fontFamily: this.t.fontFamily,
          fontSize: pt(size),
          bold,
          foregroundColor: { opaqueColor: { rgbColor: hexToRgb(color) } },
        },
        fields: "fontFamily,fontSize,bold,foregroundColor",
      },
    };
  }

  paragraphStyle(
    objectId: string,
    cellLocation: slides_v1.Schema$TableCellLocation | undefined,
    alignment: Align,
    lineSpacing: number,
  ): Request {
    return {
      updateParagraphStyle: {
        objectId,
        ...(cellLocation ? { cellLocation } : {}),
        textRange: { type: "ALL" },
        style: { alignment, lineSpacing, spaceAbove: pt(0), spaceBelow: pt(0) },
        fields: "alignment,lineSpacing,spaceAbove,spaceBelow",
      },
    };
  }

  /**
   * A table at (x, y) no taller than maxHeight: one font size for the whole table, the largest
   * in `range` at which the estimated row heights add up to maxHeight.
   */
  table(name: string, x: number, y: number, maxHeight: number, spec: TableSpec): string {
    const objectId = this.ctx.ids.id(`s${pad2(this.n)}_${name}`);
    const t = this.t;
    const header = spec.columns.map((c) => cleanText(c.header));
    const body = spec.rows.map((r) => spec.columns.map((_, c) => cleanText(r[c] ?? "")));
    const all = [header, ...body];
    const widths = columnWidths(spec, all);
    const heightsAt = (size: number): number[] =>
      all.map((cells) =>
        Math.max(
          ...cells.map(
            (cell, c) =>
              textHeight(cell === "" ? " " : cell, size, (widths[c] ?? 0) - 2 * INSET_X) +
              2 * INSET_Y,
          ),
        ),
      );
    // lines the model broke on purpose (keepLines columns) are not broken again when a size
    // that fits allows it; otherwise the largest size that fits
    const keepsLines = (size: number): boolean =>
      body.every((cells) =>
        cells.every(
          (cell, c) =>
            !spec.columns[c]?.keepLines ||
            lineCount(cell, size, (widths[c] ?? 0) - 2 * INSET_X) <= cell.split("\n").length,
        ),
      );
    const sizes: number[] = [];
    for (let s = Math.floor(spec.range.max); s >= spec.range.min; s -= 1) sizes.push(s);
    const fitting = sizes.filter((s) => heightsAt(s).reduce((a, b) => a + b, 0) <= maxHeight);
    const fits = fitting.length > 0;
    const size = fitting.find(keepsLines) ?? fitting[0] ?? spec.range.min;
    const heights = heightsAt(size);
    const total = heights.reduce((a, b) => a + b, 0);
    if (!fits) {
      this.warn(
        name,
        `table of ${body.length} rows needs about ${Math.round(total)} pt at ${size} pt, ${Math.round(maxHeight)} pt available`,
      );
    }
    const width = widths.reduce((a, w) => a + w, 0);
    const rows = all.length;
    const columns = spec.columns.length;
    const whole = { location: { rowIndex: 0, columnIndex: 0 }, rowSpan: rows, columnSpan: columns };
    this.push(
      {
        createTable: {
          objectId,
          rows,
          columns,
          // an overflowing table (warned above) grows past this anyway; keep the hint on the page
          elementProperties: elementProperties(this.id, {
            x,
            y,
            w: width,
            h: Math.min(total, maxHeight),
          }),
        },
      },
      // the API may centre a new table; place it explicitly
      {
        updatePageElementTransform: {
          objectId,
          applyMode: "ABSOLUTE",
          transform: {
            scaleX: 1,
            scaleY: 1,
            shearX: 0,
            shearY: 0,
            translateX: round2(x),
            translateY: round2(y),
            unit: "PT",
          },
        },
      },
      ...widths.map(
        (w, i): Request => ({
          updateTableColumnProperties: {
            objectId,
            columnIndices: [i],
            tableColumnProperties: { columnWidth: pt(w) },
            fields: "columnWidth",
          },
        }),
      ),
    );
    // rows of equal estimated height in one request
    const byHeight = new Map<number, number[]>();
    heights.forEach((h, i) => {
      const key = round2(h);
      byHeight.set(key, [...(byHeight.get(key) ?? []), i]);
    });
    for (const [h, rowIndices] of byHeight) {
      this.push({
        updateTableRowProperties: {
          objectId,
          rowIndices,
          tableRowProperties: { minRowHeight: pt(h) },
          fields: "minRowHeight",
        },
      });
    }
    const fill = (
      location: { rowIndex: number; columnIndex: number },
      rowSpan: number,
      columnSpan: number,
      color: string,
    ): Request => ({
      updateTableCellProperties: {
        objectId,
        tableRange: { location, rowSpan, columnSpan },
        tableCellProperties: {
          tableCellBackgroundFill: { solidFill: solid(color) },
          contentAlignment: "MIDDLE",
        },
        fields: "tableCellBackgroundFill.solidFill.color,contentAlignment",
      },
    });
    this.push(
      {
        updateTableBorderProperties: {
          objectId,
          tableRange: whole,
          borderPosition: "ALL",
          tableBorderProperties: {
            tableBorderFill: { solidFill: solid(t.colors.border) },
            weight: pt(0.75),
            dashStyle: "SOLID",
          },
          fields: "tableBorderFill.solidFill.color,weight,dashStyle",
        },
      },
      fill({ rowIndex: 0, columnIndex: 0 }, 1, columns, t.colors.primary),
    );
    if (body.length > 0) {
      this.push(fill({ rowIndex: 1, columnIndex: 0 }, body.length, columns, t.colors.background));
    }
    for (let r = 2; r <= body.length; r += 2) {
      this.push(fill({ rowIndex: r, columnIndex: 0 }, 1, columns, t.colors.zebra));
    }
    all.forEach((cells, r) => {
      cells.forEach((text, c) => {
        if (text.trim() === "") return;
        const column = spec.columns[c];
        const cellLocation = { rowIndex: r, columnIndex: c };
        let color = t.colors.text;
        let bold = false;
        if (r === 0) {
          color = t.colors.onPrimary;
          bold = true;
        } else if (column?.badge) {
          const badge = column.badge(text);
          if (badge) {
            this.push(fill(cellLocation, 1, 1, badge));
            color = textOn(badge, t);
            bold = true;
          }
        }
        this.push(
          { insertText: { objectId, cellLocation, insertionIndex: 0, text } },
          this.textStyle(objectId, cellLocation, size, color, bold),
          this.paragraphStyle(
            objectId,
            cellLocation,
            r === 0 ? "CENTER" : (column?.align ?? "START"),
            100,
          ),
        );
      });
    });
    return objectId;
  }
}

interface TableColumn {
  readonly header: string;
  /**
   * "fit": as wide as its longest line at the table's largest size (IDs, grades), within
   * [40, 140] pt; "flex": shares the rest with the other flex columns by the length of their
   * longest line, each at least half an equal share.
   */
  readonly kind: "fit" | "flex";
  readonly align?: Align;
  /** the model wrapped this column's texts with "\n": prefer a size that keeps those lines */
  readonly keepLines?: boolean;
  /** a fill colour for a body cell (the 評価 column), or undefined */
  readonly badge?: (text: string) => string | undefined;
}

interface TableSpec {
  /** the table's whole width */
  readonly width: number;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly range: FitRange;
}

/** longest paragraph of a text, in em */
const longestLineEm = (text: string): number =>
  Math.max(0, ...text.split("\n").map((line) => textWidthEm(line)));

/** column widths (pt) adding up to spec.width; never under the API's 32 pt minimum */
function columnWidths(spec: TableSpec, cells: readonly (readonly string[])[]): number[] {
  const column = (c: number) => cells.map((row) => row[c] ?? "");
  const fitted = spec.columns.map((col, c) =>
    col.kind === "fit"
      ? Math.min(140, Math.max(40, ...column(c).map((text) => longestWidth(text, spec.range.max))))
      : 0,
  );
  const rest = Math.max(0, spec.width - fitted.reduce((a, w) => a + w, 0));
  const flex = spec.columns.flatMap((col, c) => (col.kind === "flex" ? [c] : []));
  const need = flex.map((c) => Math.max(4, ...column(c).map(longestLineEm)));
  const sum = need.reduce((a, n) => a + n, 0);
  const floor = 0.5 / Math.max(1, flex.length);
  const shares = need.map((n) => Math.max(floor, n / sum));
  const shareSum = shares.reduce((a, n) => a + n, 0);
  flex.forEach((c, i) => {
    fitted[c] = (rest * (shares[i] ?? 0)) / shareSum;
  });
  return fitted.map((w) => Math.max(32, round2(w)));
}

const longestWidth = (text: string, size: number): number =>
  Math.max(...text.split("\n").map((line) => singleLineWidth(line, size)));

// ---------------------------------------------------------------------------------------------
// shared pieces

const MARGIN = 28;
const BAR_H = 52;
/** top of the footer rule */
const FOOTER = 26;
const CAPTION_H = singleLineHeight(12);
const CHIP_SIZE = 10;
const CHIP_H = singleLineHeight(CHIP_SIZE);

/** the primary title bar with an accent rule and, when given, the part chip; returns its bottom */
function titleBar(page: Page, title: string, part: string): number {
  const { t, W } = page;
  page.rect("bar", { x: 0, y: 0, w: W, h: BAR_H }, t.colors.primary);
  page.rect("rule", { x: 0, y: BAR_H, w: W, h: 3 }, t.colors.accent);
  let titleW = W - 2 * MARGIN;
  const partText = cleanText(part).trim();
  if (partText !== "") {
    const chipW = Math.max(56, singleLineWidth(partText, 12) + 8);
    const chipH = singleLineHeight(12);
    page.text(
      "part",
      { x: W - MARGIN - chipW, y: (BAR_H - chipH) / 2, w: chipW, h: chipH },
      partText,
      {
        size: 12,
        color: t.colors.onPrimary,
        fill: t.colors.primaryDark,
        shape: "ROUND_RECTANGLE",
        align: "CENTER",
      },
    );
    titleW -= chipW + 12;
  }
  page.text("title", { x: MARGIN - INSET_X, y: 4, w: titleW + INSET_X, h: BAR_H - 8 }, title, {
    size: { max: 24, min: 14 },
    color: t.colors.onPrimary,
    bold: true,
  });
  return BAR_H + 3;
}

/** the footer rule, the deck's title and the page number "n / N" */
function footer(page: Page): void {
  const { t, W, H, ctx } = page;
  const y = H - FOOTER;
  page.rect("frule", { x: MARGIN, y, w: W - 2 * MARGIN, h: 0.75 }, t.colors.border);
  const deck = ctx.deck;
  const title =
    deck.fyLabel !== "" && !deck.title.includes(deck.fyLabel)
      ? `${deck.title}　${deck.fyLabel}`
      : deck.title;
  page.text("ftitle", { x: MARGIN - INSET_X, y: y + 2, w: W - 2 * MARGIN - 80, h: 22 }, title, {
    size: { max: 9, min: 7 },
    color: t.colors.muted,
  });
  page.text(
    "pageno",
    { x: W - MARGIN - 90 + INSET_X, y: y + 2, w: 90, h: 22 },
    `${page.n} / ${deck.slides.length}`,
    { size: 9, color: t.colors.muted, align: "END" },
  );
}

// ---------------------------------------------------------------------------------------------
// slides

function titleSlide(page: Page, s: SlideOf<"title">): void {
  const { t, W, H, ctx } = page;
  const band = Math.round(H * 0.6);
  const left = 2 * MARGIN;
  const textW = W - 2 * left + 2 * INSET_X;
  page.rect("band", { x: 0, y: 0, w: W, h: band }, t.colors.primary);
  page.rect("foot", { x: 0, y: H - 10, w: W, h: 10 }, t.colors.primaryDark);
  const fy = cleanText(ctx.deck.fyLabel).trim();
  if (fy !== "" && !s.subtitle.includes(fy) && !s.title.includes(fy)) {
    page.text(
      "fy",
      { x: left, y: 44, w: singleLineWidth(fy, 14) + 10, h: singleLineHeight(14) },
      fy,
      {
        size: 14,
        bold: true,
        color: textOn(t.colors.accent, t),
        fill: t.colors.accent,
        shape: "ROUND_RECTANGLE",
        align: "CENTER",
      },
    );
  }
  page.text("title", { x: left - INSET_X, y: 80, w: textW, h: band - 116 }, s.title, {
    size: { max: 36, min: 20 },
    lineSpacing: 110,
    bold: true,
    color: t.colors.onPrimary,
    valign: "BOTTOM",
  });
  page.rect("rule", { x: left, y: band - 26, w: 72, h: 4 }, t.colors.accent);
  page.text("sub", { x: left - INSET_X, y: band + 20, w: textW, h: 48 }, s.subtitle, {
    size: { max: 22, min: 14 },
    color: t.colors.primaryDark,
    bold: true,
  });
  page.text("date", { x: left - INSET_X, y: band + 72, w: textW, h: 30 }, s.date, {
    size: { max: 14, min: 10 },
    color: t.colors.muted,
  });
}

interface LegendItem {
  readonly key: string;
  readonly label: string;
}

function overviewSlide(page: Page, s: SlideOf<"overview">): void {
  const { t, W, H } = page;
  const top = titleBar(page, s.title, "");
  const colors = new PartColors(t);
  // the legend names every colour used: the model's entries, then any part it left out
  const legend: LegendItem[] = [];
  const seen = new Set<string>();
  for (const item of [...s.legend, ...[...s.submission, ...s.grades].flatMap((r) => r.parts)]) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    legend.push({ key: item.key, label: item.label });
    colors.of(item.key, item.label);
  }

  // from the bottom up: note, legend; the bars take what is left
  let bottom = H - FOOTER - 4;
  if (s.note.trim() !== "") {
    const box = { x: MARGIN - INSET_X, y: bottom - 32, w: W - 2 * MARGIN + 2 * INSET_X, h: 32 };
    page.text("note", box, s.note, { size: { max: 11, min: 8 }, color: t.colors.text });
    bottom -= 34;
  }
  bottom = drawLegend(page, legend, colors, bottom) - 6;

  const captionY = top + 6;
  const rowsTop = captionY + CAPTION_H;
  const right = W - MARGIN;
  const valueW = 56;
  const gap = 16;
  const labelWidth = (rows: readonly BarRow[], cap: number) =>
    Math.min(cap, Math.max(44, ...rows.map((r) => singleLineWidth(r.label, 11))));
  const aligned =
    s.submission.length === s.grades.length &&
    s.submission.every((r, i) => r.label === s.grades[i]?.label);
  const { submissionChart, gradeChart } = page.ctx.labels;
  if (aligned) {
    // one label column, then the two charts side by side: 提出 40 %, 評価 60 % of the rest
    const labelW = labelWidth(s.submission, 200);
    const barsW = right - (MARGIN + labelW + 6) - valueW - gap;
    const subX = MARGIN + labelW + 6;
    const subW = barsW * 0.4;
    const grdX = subX + subW + valueW + gap;
    caption(page, "cap1", subX, captionY, subW + valueW, submissionChart);
    caption(page, "cap2", grdX, captionY, right - grdX, gradeChart);
    const sub = { labelX: MARGIN, labelW, barX: subX, barW: subW, valueW };
    bars(page, "sub", s.submission, colors, sub, rowsTop, bottom);
    bars(
      page,
      "grd",
      s.grades,
      colors,
      { barX: grdX, barW: right - grdX, valueW: 0 },
      rowsTop,
      bottom,
    );
  } else {
    // two independent charts, each with its labels
    const half = (W - 2 * MARGIN - gap) / 2;
    const subLabelW = labelWidth(s.submission, 120);
    const subX = MARGIN + subLabelW + 6;
    const grdLabelX = MARGIN + half + gap;
    const grdLabelW = labelWidth(s.grades, 120);
    const grdX = grdLabelX + grdLabelW + 6;
    caption(page, "cap1", subX, captionY, MARGIN + half - subX, submissionChart);
    caption(page, "cap2", grdX, captionY, right - grdX, gradeChart);
    const sub = {
      labelX: MARGIN,
      labelW: subLabelW,
      barX: subX,
      barW: MARGIN + half - subX - valueW,
      valueW,
    };
    bars(page, "sub", s.submission, colors, sub, rowsTop, bottom);
    const grd = { labelX: grdLabelX, labelW: grdLabelW, barX: grdX, barW: right - grdX, valueW: 0 };
    bars(page, "grd", s.grades, colors, grd, rowsTop, bottom);
  }
}

function caption(page: Page, name: string, x: number, y: number, w: number, text: string): void {
  page.text(name, { x: x - INSET_X, y, w: w + INSET_X, h: CAPTION_H }, text, {
    size: { max: 12, min: 9 },
    bold: true,
    color: page.t.colors.primary,
  });
}

/** the legend in rows above `bottom`; returns its top */
function drawLegend(
  page: Page,
  items: readonly LegendItem[],
  colors: PartColors,
  bottom: number,
): number {
  const size = 10;
  const lineH = singleLineHeight(size);
  const maxX = page.W - MARGIN;
  const placed: { item: LegendItem; x: number; line: number; w: number }[] = [];
  let x = MARGIN;
  let line = 0;
  for (const item of items) {
    const label = cleanText(item.label).trim() === "" ? item.key : item.label;
    const w = 12 + singleLineWidth(label, size);
    if (x > MARGIN && x + w > maxX) {
      line += 1;
      x = MARGIN;
    }
    placed.push({ item: { key: item.key, label }, x, line, w });
    x += w + 10;
  }
  const lines = placed.length === 0 ? 0 : line + 1;
  const top = bottom - lines * lineH;
  placed.forEach((p, i) => {
    const y = top + p.line * lineH;
    const swatch = { x: p.x, y: y + (lineH - 10) / 2, w: 10, h: 10 };
    page.rect(`lg${pad2(i)}_sw`, swatch, colors.of(p.item.key, p.item.label));
    page.text(`lg${pad2(i)}_tx`, { x: p.x + 12, y, w: p.w - 12, h: lineH }, p.item.label, {
      size,
      color: page.t.colors.text,
    });
  });
  return top;
}

interface BarGeometry {
  readonly labelX?: number;
  readonly labelW?: number;
  readonly barX: number;
  readonly barW: number;
  /** room right of the bar for "12/14"; 0 for none */
  readonly valueW: number;
}

/** one horizontal bar per row: a grey track of the full width, segments proportional to parts */
function bars(
  page: Page,
  name: string,
  rows: readonly BarRow[],
  colors: PartColors,
  g: BarGeometry,
  top: number,
  bottom: number,
): void {
  if (rows.length === 0) return;
  const t = page.t;
  const rowH = Math.min(34, (bottom - top) / rows.length);
  if (rowH < 12) page.warn(name, `${rows.length} rows leave ${rowH.toFixed(1)} pt per bar`);
  const barH = Math.max(4, Math.min(18, rowH * 0.56));
  const numberSize = Math.max(6, Math.min(10, Math.floor(barH * 0.62)));
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    const barY = y + (rowH - barH) / 2;
    if (g.labelX !== undefined && g.labelW !== undefined) {
      page.text(`${name}_l${pad2(i)}`, { x: g.labelX, y, w: g.labelW, h: rowH }, row.label, {
        size: { max: 11, min: 7 },
        color: t.colors.text,
        align: "END",
      });
    }
    page.rect(`${name}_t${pad2(i)}`, { x: g.barX, y: barY, w: g.barW, h: barH }, t.colors.surface);
    const sum = row.parts.reduce((a, p) => a + Math.max(0, p.value), 0);
    const whole = Math.max(row.total, sum);
    let done = 0;
    row.parts.forEach((part, j) => {
      if (whole <= 0 || part.value <= 0) return;
      const x0 = g.barX + (g.barW * done) / whole;
      done += part.value;
      const x1 = g.barX + (g.barW * done) / whole;
      const fill = colors.of(part.key, part.label);
      page.rect(`${name}_r${pad2(i)}_p${pad2(j)}`, { x: x0, y: barY, w: x1 - x0, h: barH }, fill);
      const num = String(part.value);
      if (x1 - x0 >= textWidthEm(num) * numberSize + 4) {
        const boxW = Math.max(40, singleLineWidth(num, numberSize));
        const boxH = Math.max(barH, singleLineHeight(numberSize));
        page.text(
          `${name}_n${pad2(i)}_p${pad2(j)}`,
          { x: (x0 + x1) / 2 - boxW / 2, y: barY + barH / 2 - boxH / 2, w: boxW, h: boxH },
          num,
          { size: numberSize, color: textOn(fill, t), bold: true, align: "CENTER" },
        );
      }
    });
    if (g.valueW > 0) {
      const first = row.parts[0]?.value ?? 0;
      const box = { x: g.barX + g.barW + 2, y, w: g.valueW, h: rowH };
      page.text(`${name}_v${pad2(i)}`, box, `${first}/${row.total}`, {
        size: { max: 10, min: 7 },
        color: t.colors.muted,
      });
    }
  });
}

/** 「A 計画以上 2件」 chips in grade colours, one row */
function gradeChips(page: Page, grades: readonly GradeCount[], y: number): void {
  const t = page.t;
  const suffix = page.ctx.labels.countSuffix;
  const texts = grades.map((g) =>
    [g.code, g.label, `${g.count}${suffix}`].filter((s) => s.trim() !== "").join(" "),
  );
  const avail = page.W - 2 * MARGIN;
  const widthAt = (size: number) => texts.reduce((a, s) => a + singleLineWidth(s, size) + 6, 0);
  let size = CHIP_SIZE;
  while (size > 7 && widthAt(size) > avail) size -= 1;
  if (widthAt(size) > avail) {
    page.warn("chips", `${grades.length} grade chips are wider than the slide`);
  }
  let x = MARGIN;
  grades.forEach((g, i) => {
    const text = texts[i] ?? "";
    const w = singleLineWidth(text, size);
    const fill = gradeColorOf(g.code, t) ?? t.colors.ungraded;
    page.text(`chip${pad2(i)}`, { x, y, w, h: CHIP_H }, text, {
      size,
      color: textOn(fill, t),
      fill,
      shape: "ROUND_RECTANGLE",
      bold: true,
      align: "CENTER",
    });
    x += w + 6;
  });
}

function pillarSlide(page: Page, s: SlideOf<"pillar">): void {
  const { t, W, H } = page;
  let y = titleBar(page, s.title, s.part) + 6;
  if (s.strategy.trim() !== "") {
    page.rect("srule", { x: MARGIN, y: y + 4, w: 4, h: 32 }, t.colors.accent);
    page.text("slabel", { x: MARGIN + 6, y, w: 50, h: 40 }, page.ctx.labels.strategy, {
      size: 11,
      bold: true,
      color: t.colors.primary,
    });
    page.text("strategy", { x: MARGIN + 54, y, w: W - 2 * MARGIN - 54, h: 40 }, s.strategy, {
      size: { max: 12, min: 8 },
      color: t.colors.text,
    });
    y += 42;
  }
  if (s.grades.length > 0) {
    gradeChips(page, s.grades, y);
    y += CHIP_H + 6;
  }
  const [hId, hContent, hGrade, hFigure] = page.ctx.labels.measureHeaders;
  page.table("tbl", MARGIN, y, H - FOOTER - 6 - y, {
    width: W - 2 * MARGIN,
    columns: [
      { header: hId, kind: "fit", align: "CENTER" },
      { header: hContent, kind: "flex" },
      { header: hGrade, kind: "fit", align: "CENTER", badge: (text) => gradeColorOf(text, t) },
      { header: hFigure, kind: "flex" },
    ],
    rows: s.rows.map((r) => [r.measureId, r.content, r.grade, r.figure]),
    range: { max: 13, min: 8 },
  });
}

function issuesSlide(page: Page, s: SlideOf<"issues">): void {
  const { t, W, H } = page;
  const y = titleBar(page, s.title, s.part) + 10;
  if (s.items.length === 0) {
    page.text("none", { x: MARGIN, y, w: W - 2 * MARGIN, h: 40 }, page.ctx.labels.noIssues, {
      size: 16,
      color: t.colors.muted,
    });
    return;
  }
  const [hId, hIssue, hNext] = page.ctx.labels.issueHeaders;
  const continued = page.ctx.labels.continued;
  page.table("tbl", MARGIN, y, H - FOOTER - 6 - y, {
    width: W - 2 * MARGIN,
    columns: [
      { header: hId, kind: "fit", align: "CENTER" },
      { header: hIssue, kind: "flex", keepLines: true },
      { header: hNext, kind: "flex", keepLines: true },
    ],
    rows: s.items.map((i) => [
      i.continued ? `${i.measureId}\n${continued}` : i.measureId,
      i.issue,
      i.next,
    ]),
    range: { max: 13, min: 7 },
  });
}
