/**
 * DocLayout → documents.batchUpdate requests (Docs API v1), as a pure function. Every block is
 * inserted at the same index, last block first, so each one's indices are known when it is
 * written (nothing before it moves) and the whole document goes in one call. Styles are set
 * in full on every paragraph and cell, never inherited from the text they were typed beside.
 * Nothing is measured or placed here: the domain layout did that.
 *
 * Indices are UTF-16 code units. A table inserted at index i starts at i + 1 (the API puts a
 * newline before it) and the paragraph of its cell (r, c) starts at
 * start + 3 + r·(2·columns + 1) + 2·c, each empty cell holding one newline:
 * https://developers.google.com/workspace/docs/api/how-tos/tables
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttablerequest
 */
import type { docs_v1 } from "googleapis";
import {
  type DocBlock,
  type DocCell,
  type DocLayout,
  type DocParagraph,
  type DocTable,
  googleFont,
  type TextRun,
} from "../../domain/reports/layout";

export type DocsRequest = docs_v1.Schema$Request;

const pt = (magnitude: number): docs_v1.Schema$Dimension => ({
  magnitude: Math.round(magnitude * 100) / 100,
  unit: "PT",
});

function color(hex: string): docs_v1.Schema$OptionalColor {
  const n = Number.parseInt(hex, 16);
  return {
    color: {
      rgbColor: {
        red: ((n >> 16) & 255) / 255,
        green: ((n >> 8) & 255) / 255,
        blue: (n & 255) / 255,
      },
    },
  };
}

/** A style and the field mask naming every property it sets (so each is set, not inherited). */
function masked<K extends string, T extends object>(
  key: K,
  style: T,
): Record<K, T> & { fields: string } {
  return { [key]: style, fields: Object.keys(style).join(",") } as Record<K, T> & {
    fields: string;
  };
}

const ALIGN = { left: "START", center: "CENTER", right: "END" } as const;
const NAMED = ["NORMAL_TEXT", "HEADING_1", "HEADING_2"] as const;

/** A line break inside a paragraph is a vertical tab in Docs; "\n" would end the paragraph. */
const textOf = (runs: readonly TextRun[]): string =>
  runs.map((r) => r.text.replace(/\n/g, "\u000b")).join("");

/** The style of each run from `at`; the first's also up to `end` (the paragraph's newline). */
function runStyles(
  runs: readonly TextRun[],
  at: number,
  font: string,
  size: number,
  end = at + textOf(runs).length + 1,
): DocsRequest[] {
  const out: DocsRequest[] = [];
  const style = (from: number, to: number, r: Partial<TextRun>) =>
    out.push({
      updateTextStyle: {
        range: { startIndex: from, endIndex: to },
        ...masked("textStyle", {
          weightedFontFamily: { fontFamily: font },
          fontSize: pt(r.size ?? size),
          foregroundColor: color(r.color ?? "000000"),
          bold: r.bold === true,
          // {} clears it: a shaded bar never bleeds into the run after it
          backgroundColor: r.background ? color(r.background) : {},
        }),
      },
    });
  style(at, end, runs[0] ?? { size });
  let from = at;
  for (const [i, r] of runs.entries()) {
    const to = from + textOf([r]).length;
    if (i > 0 && to > from) style(from, to, r);
    from = to;
  }
  return out;
}

function paragraphStyle(
  at: number,
  end: number,
  o: Partial<DocParagraph> & { level: 0 | 1 | 2 },
): DocsRequest {
  return {
    updateParagraphStyle: {
      range: { startIndex: at, endIndex: end },
      ...masked("paragraphStyle", {
        namedStyleType: NAMED[o.level],
        alignment: ALIGN[o.align ?? "left"],
        spaceAbove: pt(o.before ?? 0),
        spaceBelow: pt(o.after ?? 0),
        keepWithNext: o.keepWithNext === true,
        // never on a table's paragraphs: the API answers 400 (ParagraphStyle.pageBreakBefore)
        ...(o.pageBreakBefore === undefined ? {} : { pageBreakBefore: o.pageBreakBefore }),
        shading: { backgroundColor: o.fill ? color(o.fill) : {} },
      }),
    },
  };
}

function paragraph(p: DocParagraph, at: number, font: string): DocsRequest[] {
  const text = textOf(p.runs);
  return [
    { insertText: { location: { index: at }, text: `${text}\n` } },
    paragraphStyle(at, at + text.length + 1, { ...p, pageBreakBefore: p.pageBreakBefore === true }),
    ...runStyles(p.runs, at, font, p.runs[0]?.size ?? 10.5),
  ];
}

const border = (hex: string | undefined): docs_v1.Schema$TableCellBorder => ({
  color: color(hex ?? "FFFFFF"),
  width: pt(hex ? 0.5 : 0),
  dashStyle: "SOLID",
});

function table(t: DocTable, at: number, font: string): DocsRequest[] {
  const start = at + 1;
  const cols = t.widths.length;
  const tableStartLocation = { index: start };
  const size = 2 + t.rows.length * (2 * cols + 1);
  const out: DocsRequest[] = [
    { insertTable: { rows: t.rows.length, columns: cols, location: { index: at } } },
    // the newline the API put before the table: a hairline gap that keeps with the table
    paragraphStyle(at, at + 1, { level: 0, keepWithNext: true, pageBreakBefore: false }),
    ...runStyles([], at, font, 2),
    // every cell's paragraph at once, while all are empty; filled cells are styled below
    paragraphStyle(start + 1, start + size - 1, { level: 0 }),
    ...runStyles([], start + 1, font, t.size, start + size - 1),
  ];
  // last cell first: filling a cell moves only what comes after it
  for (let r = t.rows.length - 1; r >= 0; r--) {
    const row = t.rows[r] ?? [];
    for (let c = cols - 1; c >= 0; c--) {
      const cell: DocCell = row[c] ?? { runs: [] };
      const p = start + 3 + r * (2 * cols + 1) + 2 * c;
      const text = textOf(cell.runs);
      if (text === "") continue;
      out.push({ insertText: { location: { index: p }, text } });
      if (cell.align && cell.align !== "left")
        out.push(paragraphStyle(p, p + text.length + 1, { level: 0, align: cell.align }));
      out.push(...runStyles(cell.runs, p, font, t.size));
    }
  }
  out.push({
    updateTableCellStyle: {
      tableStartLocation,
      ...masked("tableCellStyle", {
        paddingTop: pt(t.padding),
        paddingBottom: pt(t.padding),
        paddingLeft: pt(t.padding * 2),
        paddingRight: pt(t.padding * 2),
        borderTop: border(t.border),
        borderBottom: border(t.border),
        borderLeft: border(t.border),
        borderRight: border(t.border),
        contentAlignment: "MIDDLE",
      }),
    },
  });
  // fills: one request per run of equal fill in a row (a chart bar is one)
  t.rows.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const fill = row[c]?.fill;
      let n = 1;
      while (fill && row[c + n]?.fill === fill) n++;
      if (fill) {
        out.push({
          updateTableCellStyle: {
            tableRange: {
              tableCellLocation: { tableStartLocation, rowIndex: r, columnIndex: c },
              rowSpan: 1,
              columnSpan: n,
            },
            tableCellStyle: { backgroundColor: color(fill) },
            fields: "backgroundColor",
          },
        });
      }
      c += n;
    }
  });
  // one request per width: a chart's twenty equal steps take one
  const widths = new Map<number, number[]>();
  for (const [i, w] of t.widths.entries()) widths.set(w, [...(widths.get(w) ?? []), i]);
  for (const [w, columnIndices] of widths)
    out.push({
      updateTableColumnProperties: {
        tableStartLocation,
        columnIndices,
        tableColumnProperties: { widthType: "FIXED_WIDTH", width: pt(w) },
        fields: "widthType,width",
      },
    });
  out.push({
    updateTableRowStyle: {
      tableStartLocation,
      rowIndices: t.rows.map((_, i) => i),
      tableRowStyle: { preventOverflow: t.keepWithNext },
      fields: "preventOverflow",
    },
  });
  return out;
}

function block(b: DocBlock, at: number, font: string): DocsRequest[] {
  return b.kind === "paragraph" ? paragraph(b, at, font) : table(b, at, font);
}

/**
 * The requests that write `blocks` at `at` (the start of an empty paragraph: index 1 of a new
 * Doc), one group per block, last block first. Each group only touches indices from `at` on,
 * so the groups may go in several batchUpdates as long as their order is kept.
 */
export function paintDocs(
  blocks: readonly DocBlock[],
  layout: Pick<DocLayout, "fonts">,
  at = 1,
): DocsRequest[][] {
  const font = googleFont(layout.fonts);
  return [...blocks].reverse().map((b) => block(b, at, font));
}
