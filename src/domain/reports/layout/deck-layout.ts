/**
 * DeckModel → DeckLayout: every slide of the annual deck placed once, in points, for all
 * painters (Google Slides requests and .pptx). Text is wrapped here with the one measuring
 * function (./measure); a pillar with many 取組 and a long issue list go on over as many slides
 * as they need, each marked 「1 / 2」, and a slide is never left half empty by a fixed grid:
 * cards take the room there is.
 */
import { BAR_KEYS } from "../deck";
import type { BarRow, DeckIssue, DeckMeasure, DeckModel, DeckSlide } from "../model";
import { clampLines, INSET, LINE_HEIGHT, linesHeight, textWidth, wrapTo } from "./measure";
import { COLOR, FONT_STACK, gradeSwatch, PAGE, SIZE, UNGRADED } from "./theme";
import type { Align, Box, DeckLayout, LayoutElement, SlideLayout, TextRun, VAlign } from "./types";

const W = PAGE.width;
const H = PAGE.height;
const M = 24;
const BAR_H = 44;
const FOOTER_Y = H - 22;
const CONTENT_TOP = BAR_H + 12;
const CONTENT_BOTTOM = FOOTER_Y - 6;

/** 取組 cards on one pillar slide, and issue-table columns. */
export const DECK_LAYOUT = {
  cardsPerSlide: 4,
  overviewRowsPerSlide: 8,
} as const;

type SlideOf<K extends DeckSlide["kind"]> = Extract<DeckSlide, { kind: K }>;

/** Collects one slide's elements with unique ids. */
class Canvas {
  readonly elements: LayoutElement[] = [];
  private n = 0;

  private id(kind: string): string {
    this.n += 1;
    return `${kind}${this.n}`;
  }

  rect(box: Box, fill: string, line?: string): void {
    if (box.w <= 0 || box.h <= 0) return;
    this.elements.push({ kind: "rect", id: this.id("r"), box, fill, ...(line ? { line } : {}) });
  }

  line(box: Box, color: string, weight = 0.75): void {
    this.elements.push({ kind: "line", id: this.id("l"), box, color, weight });
  }

  text(
    box: Box,
    runs: readonly TextRun[],
    align: Align = "left",
    valign: VAlign = "top",
    fill?: string,
  ): void {
    const kept = runs.filter((r) => r.text !== "");
    if (kept.length === 0) return;
    this.elements.push({
      kind: "text",
      id: this.id("t"),
      box,
      runs: kept,
      align,
      valign,
      ...(fill ? { fill } : {}),
    });
  }
}

const run = (text: string, size: number, color: string = COLOR.ink, bold = false): TextRun => ({
  text,
  size,
  color,
  ...(bold ? { bold } : {}),
});

/** A text box whose height is that of its wrapped lines; returns the bottom. */
function paragraph(
  c: Canvas,
  x: number,
  y: number,
  w: number,
  text: string,
  size: number,
  color: string = COLOR.ink,
  maxLines = 99,
  bold = false,
): number {
  const lines = clampLines(text, w, size, maxLines);
  if (lines.length === 0) return y;
  const h = linesHeight(lines.length, size);
  c.text({ x, y, w, h }, [run(lines.join("\n"), size, color, bold)]);
  return y + h;
}

function titleBar(c: Canvas, title: string, part: string): void {
  c.rect({ x: 0, y: 0, w: W, h: BAR_H }, COLOR.navy);
  c.rect({ x: 0, y: BAR_H, w: W, h: 3 }, COLOR.accent);
  const partW = part === "" ? 0 : 64;
  const lines = clampLines(title, W - 2 * M - partW, SIZE.slideTitle, 1);
  c.text(
    { x: M, y: 4, w: W - 2 * M - partW, h: BAR_H - 8 },
    [run(lines.join(""), SIZE.slideTitle, COLOR.white, true)],
    "left",
    "middle",
  );
  if (part !== "") {
    c.text(
      { x: W - M - partW, y: 12, w: partW, h: 20 },
      [run(part, SIZE.small, COLOR.navy, true)],
      "center",
      "middle",
      COLOR.titleInk,
    );
  }
}

function titleSlide(c: Canvas, s: SlideOf<"title">): void {
  c.rect({ x: 0, y: 0, w: W, h: H }, COLOR.navy);
  c.rect({ x: M + 4, y: 96, w: 6, h: 150 }, COLOR.accent);
  const x = M + 22;
  const w = W - x - M;
  let y = paragraph(c, x, 100, w, s.title, SIZE.deckTitle, COLOR.white, 3, true);
  y = paragraph(c, x, y + 8, w, s.subtitle, SIZE.deckSubtitle, COLOR.titleInk, 2);
  const foot = [s.issuer, s.date].filter((t) => t !== "");
  if (foot.length > 0) {
    c.text({ x, y: H - 92, w, h: linesHeight(foot.length, 14) }, [
      run(foot.join("\n"), 14, COLOR.white),
    ]);
  }
}

// --- overview ----------------------------------------------------------------------------------

function gradeIndex(order: readonly string[], key: string): number {
  return order.indexOf(key);
}

function partColor(key: string, order: readonly string[]): { fill: string; ink: string } {
  if (key === BAR_KEYS.submitted) return { fill: COLOR.accent, ink: COLOR.white };
  if (key === BAR_KEYS.unsubmitted || key === BAR_KEYS.ungraded) return UNGRADED;
  return gradeSwatch(gradeIndex(order, key));
}

function bar(c: Canvas, box: Box, row: BarRow, order: readonly string[]): void {
  c.rect(box, COLOR.track);
  if (row.total <= 0) return;
  let x = box.x;
  for (const p of row.parts) {
    if (p.value <= 0) continue;
    const w = (box.w * p.value) / row.total;
    const color = partColor(p.key, order);
    c.rect({ x, y: box.y, w, h: box.h }, color.fill);
    const label = String(p.value);
    if (textWidth(label, SIZE.small) + 4 <= w) {
      c.text(
        { x: x - INSET.x, y: box.y, w: w + 2 * INSET.x, h: box.h },
        [run(label, SIZE.small, color.ink, true)],
        "center",
        "middle",
      );
    }
    x += w;
  }
}

function overviewSlides(s: SlideOf<"overview">): Canvas[] {
  const order = s.legend
    .map((l) => l.key)
    .filter(
      (k) => k !== BAR_KEYS.submitted && k !== BAR_KEYS.unsubmitted && k !== BAR_KEYS.ungraded,
    );
  const pages: (typeof s.pillars)[number][][] = [];
  for (let i = 0; i < s.pillars.length; i += DECK_LAYOUT.overviewRowsPerSlide) {
    pages.push(s.pillars.slice(i, i + DECK_LAYOUT.overviewRowsPerSlide));
  }
  if (pages.length === 0) pages.push([]);
  return pages.map((rows, pi) => {
    const c = new Canvas();
    titleBar(c, s.title, pages.length > 1 ? `${pi + 1} / ${pages.length}` : "");
    const nameW = 230;
    const subX = M + nameW + 8;
    const subW = 150;
    const gradeX = subX + subW + 16;
    const gradeW = W - M - gradeX;
    const top = CONTENT_TOP;
    c.text({ x: subX, y: top, w: subW, h: 18 }, [
      run("提出状況（提出 / 全取組）", SIZE.small, COLOR.muted, true),
    ]);
    c.text({ x: gradeX, y: top, w: gradeW, h: 18 }, [
      run("評価の分布", SIZE.small, COLOR.muted, true),
    ]);
    const rowsTop = top + 20;
    // room below for the legend and a two-line note (the period's submissions, never cut)
    const rowsBottom = CONTENT_BOTTOM - 72;
    const rowH = Math.min(34, (rowsBottom - rowsTop) / Math.max(1, rows.length));
    rows.forEach((p, i) => {
      const y = rowsTop + i * rowH;
      if (i % 2 === 0) c.rect({ x: M, y, w: W - 2 * M, h: rowH }, COLOR.paper);
      c.text(
        { x: M, y, w: nameW, h: rowH },
        // a long 柱 name takes a second line rather than losing its end
        [run(clampLines(p.name, nameW, SIZE.small, 2).join("\n"), SIZE.small, COLOR.ink, true)],
        "left",
        "middle",
      );
      const bh = Math.min(16, rowH - 8);
      const by = y + (rowH - bh) / 2;
      bar(c, { x: subX, y: by, w: subW - 34, h: bh }, p.submission, order);
      const submitted = p.submission.parts.find((x) => x.key === BAR_KEYS.submitted)?.value ?? 0;
      c.text(
        { x: subX + subW - 40, y, w: 44, h: rowH },
        [run(`${submitted}/${p.submission.total}`, SIZE.small, COLOR.ink)],
        "right",
        "middle",
      );
      bar(c, { x: gradeX, y: by, w: gradeW, h: bh }, p.grades, order);
    });
    // legend
    let lx = M;
    const ly = CONTENT_BOTTOM - 68;
    for (const l of s.legend) {
      const color = partColor(l.key, order);
      const tw = textWidth(l.label, SIZE.small) + 2 * INSET.x + 4;
      if (lx + 14 + tw > W - M) break;
      c.rect({ x: lx, y: ly + 5, w: 10, h: 10 }, color.fill);
      c.text(
        { x: lx + 12, y: ly, w: tw, h: 20 },
        [run(l.label, SIZE.small, COLOR.ink)],
        "left",
        "middle",
      );
      lx += 14 + tw + 6;
    }
    paragraph(c, M, CONTENT_BOTTOM - 44, W - 2 * M, s.note, SIZE.body, COLOR.ink, 2, true);
    return c;
  });
}

// --- pillar ------------------------------------------------------------------------------------

/** Target vs actual per plan year, drawn as paired bars. */
function chart(c: Canvas, box: Box, m: DeckMeasure): void {
  const values = m.series
    .flatMap((p) => [p.target, p.actual])
    .filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  if (m.series.length === 0 || max <= 0) {
    c.text(box, [run("数値の推移なし", SIZE.tiny, COLOR.muted)], "center", "middle");
    return;
  }
  c.rect(box, COLOR.white, COLOR.line);
  const legendH = 12;
  const labelH = 12;
  const plot = {
    x: box.x + 4,
    y: box.y + legendH + 2,
    w: box.w - 8,
    h: box.h - legendH - labelH - 4,
  };
  c.text(
    { x: box.x, y: box.y, w: box.w, h: legendH + 2 },
    [
      run("■", SIZE.tiny, COLOR.target),
      run("目標  ", SIZE.tiny, COLOR.muted),
      run("■", SIZE.tiny, COLOR.accent),
      run("実績", SIZE.tiny, COLOR.muted),
    ],
    "right",
    "middle",
  );
  const gw = plot.w / m.series.length;
  const bw = Math.min(12, gw * 0.32);
  const baseY = plot.y + plot.h;
  m.series.forEach((p, i) => {
    const gx = plot.x + i * gw + gw / 2;
    const barOf = (v: number | null, x: number, fill: string) => {
      if (v === null || v <= 0) return;
      const h = Math.max(1, (plot.h * v) / max);
      c.rect({ x, y: baseY - h, w: bw, h }, fill);
    };
    barOf(p.target, gx - bw - 1, COLOR.target);
    barOf(p.actual, gx + 1, COLOR.accent);
    c.text(
      { x: gx - gw / 2 - INSET.x, y: baseY, w: gw + 2 * INSET.x, h: labelH },
      [run(p.label, SIZE.tiny - 1, COLOR.muted)],
      "center",
      "top",
    );
  });
  c.line({ x: plot.x, y: baseY, w: plot.w, h: 0 }, COLOR.muted, 0.5);
}

/** 目標 / 実績 / 達成率 as three small label-over-value cells; returns the bottom. */
function figures(c: Canvas, x: number, y: number, w: number, m: DeckMeasure): number {
  const cellW = w / 3;
  const missing = m.actual === "実績未入力" || m.actual === "未報告";
  const cells: [string, string, string][] = [
    ["目標", m.target, COLOR.ink],
    ["実績", m.actual, missing ? COLOR.alert : COLOR.ink],
    ["達成率", m.rate, COLOR.ink],
  ];
  const h = linesHeight(1, SIZE.tiny) + 11 * LINE_HEIGHT;
  cells.forEach(([label, value, color], i) => {
    c.text({ x: x + i * cellW, y, w: cellW, h }, [
      run(`${label}\n`, SIZE.tiny, COLOR.muted),
      run(clampLines(value, cellW, 11, 1).join(""), 11, color, true),
    ]);
  });
  return y + h;
}

const FIGURES_H = linesHeight(1, SIZE.tiny) + 11 * LINE_HEIGHT;
const NOTE_H = linesHeight(1, SIZE.tiny);

/** Lines of `size` that fit in `room` points (at least `min`). */
const linesFitting = (room: number, size: number, min = 1): number =>
  Math.max(min, Math.floor((room - 2 * INSET.y) / (size * LINE_HEIGHT)));

/**
 * One 取組: grade chip (with the computed grade under it when staff typed another), ID and
 * content, 取組目標, 指標, 目標 / 実績 / 達成率, the chart and where the figures come from.
 * Tall cards stack the chart under the text; wide short ones put it on the right.
 */
/**
 * A card's 取組目標 from `at.y` down, as many lines as fit above the 指標 (on `indicatorLines`
 * lines) and the figures, which start at `figY`; both card shapes use it.
 */
function cardFigures(
  c: Canvas,
  m: DeckMeasure,
  at: { readonly x: number; readonly y: number; readonly w: number },
  figY: number,
  indicatorLines: number,
): void {
  const { x, w } = at;
  const indicatorH = m.indicator === "" ? 0 : linesHeight(indicatorLines, SIZE.tiny);
  if (m.targetText !== "") {
    const n = linesFitting(figY - indicatorH - at.y, SIZE.small);
    paragraph(c, x, at.y, w, `取組目標：${m.targetText}`, SIZE.small, COLOR.ink, n);
  }
  if (m.indicator !== "") {
    const text = `指標：${m.indicator}`;
    paragraph(c, x, figY - indicatorH, w, text, SIZE.tiny, COLOR.muted, indicatorLines);
  }
  figures(c, x, figY, w, m);
}

function card(c: Canvas, box: Box, m: DeckMeasure, order: readonly string[]): void {
  c.rect(box, COLOR.paper, COLOR.line);
  const chip = 28;
  const pad = 4;
  const gi = m.grade === "" ? -1 : order.indexOf(m.grade);
  const sw = m.grade === "" ? UNGRADED : gradeSwatch(gi);
  const chipX = box.x + box.w - chip - pad;
  c.text(
    { x: chipX, y: box.y + pad, w: chip, h: chip },
    [run(m.grade === "" ? "—" : m.grade, 14, sw.ink, true)],
    "center",
    "middle",
    sw.fill,
  );
  if (m.computedGrade !== "") {
    c.text(
      { x: chipX - 20, y: box.y + pad + chip, w: chip + 20 + pad, h: 14 },
      [run(`計算上 ${m.computedGrade}`, SIZE.tiny, COLOR.alert, true)],
      "right",
      "top",
    );
  }
  const x = box.x + pad;
  const bottom = box.y + box.h - pad;
  const tall = box.h >= 1.1 * box.w || box.h > 200;
  let y = paragraph(
    c,
    x,
    box.y + pad,
    chipX - x - pad,
    `${m.measureId}  ${m.content}`,
    SIZE.body,
    COLOR.navy,
    tall ? 4 : 2,
    true,
  );
  y = Math.max(y, box.y + pad + chip + (m.computedGrade !== "" ? 14 : 0));
  const noteY = bottom - NOTE_H;
  if (tall) {
    const w = box.w - 2 * pad;
    const chartH = Math.max(70, Math.min(120, (box.h - (y - box.y)) * 0.4));
    const chartY = noteY - chartH - 2;
    cardFigures(c, m, { x, y, w }, chartY - FIGURES_H - 2, 2);
    chart(c, { x, y: chartY, w, h: chartH }, m);
  } else {
    const chartW = Math.min(170, box.w * 0.42);
    const leftW = box.w - chartW - 3 * pad;
    chart(c, { x: box.x + box.w - chartW - pad, y, w: chartW, h: noteY - y - 2 }, m);
    cardFigures(c, m, { x, y, w: leftW }, noteY - FIGURES_H - 2, 1);
  }
  paragraph(
    c,
    x,
    noteY,
    box.w - 2 * pad,
    m.note,
    SIZE.tiny,
    m.noteAlert ? COLOR.alert : COLOR.muted,
    1,
  );
}

function pillarSlides(s: SlideOf<"pillar">): Canvas[] {
  const per = DECK_LAYOUT.cardsPerSlide;
  const pages: DeckMeasure[][] = [];
  for (let i = 0; i < s.measures.length; i += per) pages.push(s.measures.slice(i, i + per));
  if (pages.length === 0) pages.push([]);
  return pages.map((measures, pi) => {
    const c = new Canvas();
    titleBar(c, s.title, pages.length > 1 ? `${pi + 1} / ${pages.length}` : "");
    // 戦略 and 到達目標 side by side
    const colW = (W - 2 * M - 12) / 2;
    const head = (x: number, label: string, text: string): number => {
      c.text(
        { x, y: CONTENT_TOP, w: 64, h: 18 },
        [run(label, SIZE.small, COLOR.white, true)],
        "center",
        "middle",
        COLOR.navy,
      );
      return paragraph(
        c,
        x,
        CONTENT_TOP + 18,
        colW,
        text === "" ? "（未設定）" : text,
        SIZE.small,
        text === "" ? COLOR.muted : COLOR.ink,
        3,
      );
    };
    const bottom = Math.max(head(M, "戦略", s.strategy), head(M + colW + 12, "到達目標", s.goal));
    const top = bottom + 6;
    if (measures.length === 0) {
      paragraph(
        c,
        M,
        top + 10,
        W - 2 * M,
        "この柱に登録されている取組はありません。",
        SIZE.body,
        COLOR.muted,
      );
      return c;
    }
    // up to three side by side (tall cards), four as two by two: no empty half-slide
    const cols = measures.length <= 3 ? measures.length : 2;
    const rows = Math.ceil(measures.length / cols);
    const gap = 8;
    const cw = (W - 2 * M - (cols - 1) * gap) / cols;
    const ch = (CONTENT_BOTTOM - top - (rows - 1) * gap) / rows;
    measures.forEach((m, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      card(
        c,
        { x: M + col * (cw + gap), y: top + row * (ch + gap), w: cw, h: ch },
        m,
        s.gradeOrder,
      );
    });
    return c;
  });
}

// --- issues ------------------------------------------------------------------------------------

const ISSUE_COLS = { ids: 86, issue: (W - 2 * M - 86) / 2, next: (W - 2 * M - 86) / 2 } as const;
const ISSUE_SIZE = SIZE.small;

interface IssueRow {
  readonly ids: string[];
  readonly issue: string[];
  readonly next: string[];
}

function issueRow(item: DeckIssue): IssueRow {
  return {
    ids: wrapTo(item.measureIds.join("、"), ISSUE_COLS.ids, ISSUE_SIZE),
    issue: wrapTo(item.issue === "" ? "—" : item.issue, ISSUE_COLS.issue, ISSUE_SIZE),
    next: wrapTo(item.next === "" ? "—" : item.next, ISSUE_COLS.next, ISSUE_SIZE),
  };
}

const rowHeight = (r: IssueRow) =>
  linesHeight(Math.max(r.ids.length, r.issue.length, r.next.length, 1), ISSUE_SIZE);

function issuesSlides(s: SlideOf<"issues">): Canvas[] {
  const pages: Canvas[] = [];
  let c = new Canvas();
  let y = 0;
  const header = () => {
    const hy = CONTENT_TOP;
    const cells: [number, number, string][] = [
      [M, ISSUE_COLS.ids, "取組"],
      [M + ISSUE_COLS.ids, ISSUE_COLS.issue, "課題"],
      [M + ISSUE_COLS.ids + ISSUE_COLS.issue, ISSUE_COLS.next, "次の対応"],
    ];
    c.rect({ x: M, y: hy, w: W - 2 * M, h: 18 }, COLOR.navy);
    for (const [x, w, label] of cells) {
      c.text({ x, y: hy, w, h: 18 }, [run(label, SIZE.small, COLOR.white, true)], "left", "middle");
    }
    y = hy + 20;
  };
  const newPage = () => {
    pages.push(c);
    c = new Canvas();
    header();
  };
  header();
  if (s.groups.length === 0) {
    paragraph(c, M, y + 8, W - 2 * M, s.empty, SIZE.body, COLOR.muted);
  }
  const groupH = 18;
  for (const g of s.groups) {
    // a group's heading starts it and is repeated, marked （続き）, atop each page it goes on to
    let needsHeading = true;
    let placed = 0;
    const heading = () => {
      c.text(
        { x: M, y, w: W - 2 * M, h: groupH },
        [run(placed > 0 ? `${g.pillar}（続き）` : g.pillar, SIZE.small, COLOR.navy, true)],
        "left",
        "middle",
        COLOR.band,
      );
      y += groupH + 2;
      needsHeading = false;
    };
    for (const item of g.items) {
      let r = issueRow(item);
      for (;;) {
        const headH = needsHeading ? groupH + 2 : 0;
        if (y + headH + rowHeight(r) <= CONTENT_BOTTOM) break;
        const fit = Math.floor(
          (CONTENT_BOTTOM - y - headH - 2 * INSET.y) / (ISSUE_SIZE * LINE_HEIGHT),
        );
        const pageIsFresh = y <= CONTENT_TOP + 20;
        if (!pageIsFresh && fit < 3) {
          newPage();
          needsHeading = true;
          continue;
        }
        // taller than what is left of a page: this page's share now, the rest after
        if (needsHeading) heading();
        y = placeIssue(c, y, {
          ids: r.ids,
          issue: r.issue.slice(0, fit),
          next: r.next.slice(0, fit),
        });
        placed += 1;
        r = { ids: ["（続き）"], issue: r.issue.slice(fit), next: r.next.slice(fit) };
        newPage();
        needsHeading = true;
      }
      if (needsHeading) heading();
      y = placeIssue(c, y, r);
      placed += 1;
    }
  }
  pages.push(c);
  const n = pages.length;
  return pages.map((p, i) => {
    const withTitle = new Canvas();
    titleBar(withTitle, s.title, n > 1 ? `${i + 1} / ${n}` : "");
    withTitle.elements.push(...p.elements.map((e, k) => ({ ...e, id: `${e.id}b${k}` })));
    return withTitle;
  });
}

function placeIssue(c: Canvas, y: number, r: IssueRow): number {
  const h = rowHeight(r);
  c.line({ x: M, y: y + h, w: W - 2 * M, h: 0 }, COLOR.line, 0.5);
  c.text({ x: M, y, w: ISSUE_COLS.ids, h }, [run(r.ids.join("\n"), ISSUE_SIZE, COLOR.navy, true)]);
  c.text({ x: M + ISSUE_COLS.ids, y, w: ISSUE_COLS.issue, h }, [
    run(r.issue.join("\n"), ISSUE_SIZE),
  ]);
  c.text({ x: M + ISSUE_COLS.ids + ISSUE_COLS.issue, y, w: ISSUE_COLS.next, h }, [
    run(r.next.join("\n"), ISSUE_SIZE),
  ]);
  return y + h + 2;
}

// --- deck --------------------------------------------------------------------------------------

function footer(c: Canvas, text: string, page: number, pages: number): void {
  c.line({ x: M, y: FOOTER_Y, w: W - 2 * M, h: 0 }, COLOR.line, 0.75);
  c.text(
    { x: M, y: FOOTER_Y + 1, w: W - 2 * M - 60, h: 18 },
    [run(clampLines(text, W - 2 * M - 60, SIZE.tiny, 1).join(""), SIZE.tiny, COLOR.muted)],
    "left",
    "middle",
  );
  c.text(
    { x: W - M - 60, y: FOOTER_Y + 1, w: 60, h: 18 },
    [run(`${page} / ${pages}`, SIZE.tiny, COLOR.muted)],
    "right",
    "middle",
  );
}

function slideCanvases(s: DeckSlide): Canvas[] {
  switch (s.kind) {
    case "title": {
      const c = new Canvas();
      titleSlide(c, s);
      return [c];
    }
    case "overview":
      return overviewSlides(s);
    case "pillar":
      return pillarSlides(s);
    case "issues":
      return issuesSlides(s);
  }
}

/** The whole deck laid out: one SlideLayout per slide, footers numbered "n / N". */
export function layoutDeck(deck: DeckModel): DeckLayout {
  const canvases = deck.slides.flatMap((s) => slideCanvases(s).map((c) => ({ c, kind: s.kind })));
  const slides: SlideLayout[] = canvases.map(({ c, kind }, i) => {
    if (kind !== "title") footer(c, deck.footer, i + 1, canvases.length);
    return { id: `s${String(i + 1).padStart(3, "0")}`, elements: c.elements };
  });
  return { title: deck.title, width: W, height: H, fonts: FONT_STACK, slides };
}
