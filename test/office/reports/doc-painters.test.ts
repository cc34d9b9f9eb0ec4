/**
 * One layout, two painters: each 柱別報告書 laid out once in the domain, painted as a .docx and
 * as one Docs API batchUpdate (applied by the GAS fake's Docs service), must show the same
 * paragraphs and tables in the same order, with the same texts, type sizes, colours, weights,
 * cell fills, column widths and keep-together hints.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEMO_FY, DEMO_TODAY } from "../../../sheets-templates";
import { buildPillarReports, type PillarReport } from "../../../src/domain/reports";
import { type DocLayout, layoutPillarDoc } from "../../../src/domain/reports/layout";
import { paintDocs } from "../../../src/gas/docs/requests";
import { packBatches } from "../../../src/gas/slides/batches";
import { writeDocx } from "../../../src/office/reports/docx-writer";
import { createGasFake } from "../../gas-fake";
import type { DocNode } from "../../gas-fake/document-model";
import { demoRegistry } from "../../unit/reports/fixtures";
import { decodeXml } from "./ooxml";

/** Text in runs of one style: [text, "size/COLOR/b"]. */
type Segments = [string, string][];

interface SeenParagraph {
  readonly kind: "paragraph";
  readonly text: Segments;
  readonly heading: string;
  readonly align: string;
  readonly fill: string | null;
  readonly keepWithNext: boolean;
  readonly pageBreakBefore: boolean;
}

interface SeenTable {
  readonly kind: "table";
  readonly widths: number[];
  readonly cells: { text: Segments; fill: string | null }[][];
  readonly rowsKeep: boolean;
}

type Seen = SeenParagraph | SeenTable;

/** Merges neighbouring characters of one style. */
function segments(chars: readonly [string, string][]): Segments {
  const out: Segments = [];
  for (const [ch, style] of chars) {
    const last = out.at(-1);
    if (last && last[1] === style) last[0] += ch;
    else out.push([ch, style]);
  }
  return out;
}

const upper = (c: unknown): string | null =>
  typeof c === "string" && c !== "" ? c.replace(/^#/, "").toUpperCase() : null;

// --- .docx ---------------------------------------------------------------------------------

function docxRuns(p: string): Segments {
  const chars: [string, string][] = [];
  for (const r of p.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []) {
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? "";
    const size = Number(/<w:sz w:val="(\d+)"/.exec(rPr)?.[1] ?? 0) / 2;
    const color = /<w:color w:val="([0-9A-F]{6})"/.exec(rPr)?.[1] ?? "";
    const shade = /<w:shd [^>]*w:fill="([0-9A-F]{6})"/.exec(rPr)?.[1] ?? "";
    const style = `${size}/${color}/${rPr.includes("<w:b/>") ? "b" : ""}/${shade}`;
    for (const m of r.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>/g)) {
      const text = m[1] === undefined ? "\n" : decodeXml(m[1]);
      for (const ch of text) chars.push([ch, style]);
    }
  }
  return segments(chars);
}

function docxParagraph(p: string): SeenParagraph {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? "";
  const style = /<w:pStyle w:val="(\w+)"/.exec(pPr)?.[1] ?? "";
  return {
    kind: "paragraph",
    text: docxRuns(p),
    heading: style === "" ? "NORMAL" : style.replace("Heading", "HEADING"),
    align: (/<w:jc w:val="(\w+)"/.exec(pPr)?.[1] ?? "left").toUpperCase(),
    fill: upper(/<w:shd w:fill="([0-9A-F]{6})"/.exec(pPr.replace(/<w:rPr>[\s\S]*/, ""))?.[1]),
    keepWithNext: pPr.includes("<w:keepNext/>"),
    pageBreakBefore: pPr.includes("<w:pageBreakBefore/>"),
  };
}

function docxTable(t: string): SeenTable {
  const widths = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
  const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
  return {
    kind: "table",
    widths: widths.map((w) => Math.round(w * 10) / 10),
    cells: rows.map((row) =>
      (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => ({
        text: docxRuns(c),
        // the cell's own shading, not a shaded run inside it
        fill: upper(
          /<w:shd w:fill="([0-9A-F]{6})"/.exec(
            /<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(c)?.[1] ?? "",
          )?.[1],
        ),
      })),
    ),
    rowsKeep: rows.every((r) => r.includes("<w:cantSplit/>")),
  };
}

async function fromDocx(layout: DocLayout): Promise<Seen[]> {
  const dir = await mkdtemp(join(tmpdir(), "genki-doc-painters-"));
  const path = join(dir, "pillar.docx");
  await writeDocx(layout, path);
  const zip = await JSZip.loadAsync(await readFile(path));
  await rm(dir, { recursive: true, force: true });
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const body = /<w:body>([\s\S]*)<w:sectPr/.exec(xml)?.[1] ?? "";
  return (body.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>/g) ?? []).map((b) =>
    b.startsWith("<w:tbl>") ? docxTable(b) : docxParagraph(b),
  );
}

// --- Google Docs (the fake's document after one batchUpdate) ---------------------------------

function docsRuns(n: DocNode): Segments {
  const styles: Record<string, unknown>[] = Array.from(n.text, () => ({}));
  for (const s of n.spans) {
    for (let i = s.start; i <= s.end && i < styles.length; i++)
      Object.assign(styles[i] ?? {}, s.attributes);
  }
  return segments(
    Array.from(n.text, (ch, i): [string, string] => {
      const a = styles[i] ?? {};
      return [
        ch === "\u000b" ? "\n" : ch,
        `${a.FONT_SIZE}/${upper(a.FOREGROUND_COLOR) ?? ""}/${a.BOLD ? "b" : ""}/${upper(a.BACKGROUND_COLOR) ?? ""}`,
      ];
    }),
  );
}

function docsBlocks(body: DocNode): Seen[] {
  const kids = body.children;
  const out: Seen[] = [];
  kids.forEach((n, i) => {
    if (n.type === "TABLE") {
      out.push({
        kind: "table",
        widths: (n.children[0]?.children ?? []).map(
          (c) => Math.round(Number(c.attributes.WIDTH) * 10) / 10,
        ),
        cells: n.children.map((row) =>
          row.children.map((c) => ({
            text: c.children[0] ? docsRuns(c.children[0]) : [],
            fill: upper(c.attributes.BACKGROUND_COLOR),
          })),
        ),
        rowsKeep: n.children.every((r) => r.attributes.preventOverflow === true),
      });
      return;
    }
    // the newline the API puts before every table, and the Doc's own last paragraph
    if (n.text === "" && (kids[i + 1]?.type === "TABLE" || i === kids.length - 1)) return;
    out.push({
      kind: "paragraph",
      text: docsRuns(n),
      heading: n.heading,
      align: String(n.attributes.HORIZONTAL_ALIGNMENT ?? "LEFT"),
      fill: upper(n.attributes.BACKGROUND_COLOR),
      keepWithNext: n.attributes.keepWithNext === true,
      pageBreakBefore: n.attributes.pageBreakBefore === true,
    });
  });
  return out;
}

function fromDocs(layout: DocLayout, budget?: number): { seen: Seen[]; calls: string[] } {
  const fake = createGasFake({ now: "2013-04-01T09:00:00+09:00" });
  const doc = fake.services.DocumentApp.create(layout.title);
  const id = doc.getId();
  doc.saveAndClose();
  const mark = fake.ledger.mark();
  for (const requests of packBatches(paintDocs(layout.blocks, layout), budget))
    fake.services.Docs.Documents.batchUpdate({ requests }, id);
  const body = fake.docs.get(id)?.body;
  if (!body) throw new Error("no document");
  return {
    seen: docsBlocks(body),
    calls: fake.ledger
      .since(mark)
      .calls()
      .map((c) => c.method),
  };
}

describe("柱別報告書: one layout, painted as .docx and for Google Docs", () => {
  const reports = buildPillarReports(demoRegistry(), { fy: DEMO_FY, asOf: DEMO_TODAY });

  it.each(reports.map((r) => [r.pillarId, r] as const))(
    "%s shows the same blocks, texts, styles and fills both ways",
    async (_, report) => {
      const layout = layoutPillarDoc(report);
      const docx = await fromDocx(layout);
      const { seen: docs, calls } = fromDocs(layout);
      expect(calls).toEqual(["Docs.Documents.batchUpdate"]);
      expect(docx).toHaveLength(layout.blocks.length);
      expect(docs.map((b) => b.kind)).toEqual(docx.map((b) => b.kind));
      docx.forEach((b, i) => {
        expect(docs[i], `block ${i + 1}`).toEqual(b);
      });
    },
  );

  it("has something to compare: headings, tables with fills, a missing report's line", async () => {
    const r5 = reports.find((r) => r.pillarId === "柱-5");
    if (!r5) throw new Error("no 柱-5");
    const seen = fromDocs(layoutPillarDoc(r5)).seen;
    const texts = seen.flatMap((b) =>
      b.kind === "paragraph" ? [b.text.map((s) => s[0]).join("")] : [],
    );
    expect(
      texts.some((t) => t.includes("第2四半期の報告が未提出です（提出期限 2012-10-15）")),
    ).toBe(true);
    const tables = seen.filter((b): b is SeenTable => b.kind === "table");
    expect(tables.some((t) => t.cells.flat().some((c) => c.fill !== null))).toBe(true);
    expect(seen.filter((b) => b.kind === "paragraph" && b.heading === "HEADING2").length).toBe(
      r5.measures.length,
    );
  });

  it("writes the same Doc in several batchUpdates when the payload budget cuts it", () => {
    const layout = layoutPillarDoc(reports[0] as PillarReport);
    const whole = fromDocs(layout);
    const cut = fromDocs(layout, 20_000);
    expect(cut.calls.length).toBeGreaterThan(3);
    expect(cut.seen).toEqual(whole.seen);
  });
});
