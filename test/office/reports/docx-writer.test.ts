import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PillarReport } from "../../../src/domain/reports";
import { DocxReportWriter } from "../../../src/office/reports/docx-writer";
import { safeFileName } from "../../../src/office/reports/file-name";
import { bigReport, seedReports } from "./fixtures";
import { allText, BARE_AMPERSAND, openZip, paragraphs, part, tableRows } from "./ooxml";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "genki-docx-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function written(report: PillarReport, writer = new DocxReportWriter(dir)) {
  const out = await writer.writePillarReport(report, {});
  const zip = await openZip(out.url);
  const xml = await part(zip, "word/document.xml");
  return { out, zip, xml, text: allText(xml, "w"), rows: tableRows(xml, "w") };
}

function row(rows: string[][], key: string): string[] {
  const found = rows.find((r) => r[0] === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe("DocxReportWriter", () => {
  it("writes one .docx per pillar, named from the title, and returns its path", async () => {
    const writer = new DocxReportWriter(join(dir, "nested", "out"));
    const reports = seedReports();
    const outs = [];
    for (const r of reports) outs.push(await writer.writePillarReport(r, {}));
    expect(outs).toHaveLength(6);
    for (const [i, o] of outs.entries()) {
      expect(o.name).toBe(`${reports[i]?.title}.docx`);
      expect(basename(o.url)).toBe(o.name);
      expect(existsSync(o.url)).toBe(true);
    }
    expect((await readdir(join(dir, "nested", "out"))).sort()).toEqual(
      outs.map((o) => o.name).sort(),
    );
    expect(writer.written).toEqual(outs.map((o) => o.url));
  });

  it("carries the pillar, its strategy, goal, owners and every measure of the seed plan", async () => {
    for (const report of seedReports()) {
      const { text, rows } = await written(report);
      const flat = text.replace(/\n/g, "");
      expect(flat).toContain(`${report.pillarId} ${report.name}`);
      expect(text).toContain(report.planName);
      expect(text).toContain("平成24年度（2012年度）");
      expect(text).toContain("発行　行政経営課\n報告日　平成25年3月31日");
      expect(row(rows, "戦略")[1]).toBe(report.strategy);
      expect(row(rows, "到達目標")[1]).toBe(report.goal === "" ? "未設定" : report.goal);
      expect(row(rows, "所管課")[1]).toBe(report.owners.join("、"));
      for (const m of report.measures) {
        expect(flat).toContain(`${m.measureId}　${m.content}`);
        if (m.done !== "") expect(text).toContain(m.done);
        if (m.issues !== "") expect(text).toContain(m.issues);
        if (m.next !== "") expect(text).toContain(m.next);
      }
      // a value not set says so; no bare dash stands in for it
      expect(text).not.toContain("—");
    }
  });

  it("summarises grades: one row per 評価区分 with its count, those without one, and the total", async () => {
    const report = seedReports()[3] as PillarReport; // 柱-4: A, B, C
    const { rows } = await written(report);
    const summary = rows.filter((r) => r.length === 3);
    expect(summary[0]).toEqual(["評価", "意味", "取組数"]);
    expect(summary).toContainEqual(["A", "計画以上", "1"]);
    expect(summary).toContainEqual(["B", "計画どおり", "1"]);
    expect(summary).toContainEqual(["C", "やや遅れ", "1"]);
    expect(summary).toContainEqual(["D", "遅れ", "0"]);
    expect(summary).toContainEqual(["評価なし", "未報告・未提出・差戻し・未評価", "0"]);
    expect(summary).toContainEqual(["合計", "", "3"]);
  });

  it("shows target, actual, rate and grade in words, PDCA never as a bare letter", async () => {
    const reports = seedReports();
    const { rows: p2, text: t2 } = await written(reports[1] as PillarReport);
    const figures = (rows: string[][]) =>
      rows.flatMap((r, i) => (r[0]?.startsWith("目標値") ? [rows[i + 1] ?? []] : []));
    const [f21, f22] = figures(p2);
    expect(f21?.slice(0, 3)).toEqual(["30件", "36件", "120%"]);
    expect(f22?.slice(0, 3)).toEqual(["未設定", "未入力", "算出不可"]);
    expect(p2.filter((r) => r[0] === "指標")[0]?.[1]).toBe(
      "協働事業数\n単位：件　増加をめざす　基準値 12件　最終目標 40件",
    );
    expect(p2.filter((r) => r[0] === "指標")[1]?.[1]).toBe("未設定");
    for (const m of (reports[1] as PillarReport).measures) {
      if (m.gradeDisagrees)
        expect(t2).toContain(
          `入力された評価「${m.typedGrade}」は、達成率から求めた評価「${m.computedGrade}」と異なります`,
        );
    }
    // grades carry their label; PDCA is said in words
    for (const r of figures(p2)) expect(r[3]).toMatch(/^[A-D] \S+/);
    const pdca = p2.filter((r) => r[0] === "PDCAの段階").map((r) => r[1]);
    expect(pdca.length).toBeGreaterThan(0);
    for (const p of pdca)
      expect(p).toMatch(/^(計画（Plan）|実行（Do）|検証（Check）|改善（Act）)$/);
    // only the grade legend (評価 | 意味 | 取組数) shows a code alone, beside its meaning
    const outsideLegend = p2.filter((r) => r.length !== 3).flat();
    expect(outsideLegend.filter((c) => /^[PDCA]$/.test(c))).toEqual([]);

    const { rows: p5, text: t5 } = await written(reports[4] as PillarReport);
    // 5-1 is 未報告
    expect(figures(p5)[0]).toEqual(["未設定", "未報告", "算出不可", "未報告"]);
    expect(t5.replace(/\n/g, "")).toContain("5-1　職員と市民の相互理解を深め");

    const { rows: p6 } = await written(reports[5] as PillarReport);
    // 6-1 was submitted without a grade; 6-2 is 未報告
    expect(figures(p6).map((r) => r[3])).toEqual(["未評価", "未報告"]);
    expect(p6).toContainEqual(["評価なし", "未報告・未提出・差戻し・未評価", "2"]);
  });

  it("keeps each 取組 on one page: its blocks keep with the next, its rows never split", async () => {
    const { xml } = await written(seedReports()[1] as PillarReport);
    const body = xml.slice(xml.indexOf("取組の状況"));
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThan(4);
    // the figures table of a 取組: rows cannot split, paragraphs keep with the next
    const figuresTable = tables.find((t) => t.includes("実績値")) ?? "";
    expect(figuresTable).toContain("<w:cantSplit/>");
    expect(figuresTable).toContain("<w:keepNext/>");
    // headings start the 取組 and keep with what follows
    const heading = /<w:p>(?:(?!<\/w:p>)[\s\S])*?Heading2[\s\S]*?<\/w:p>/.exec(body)?.[0] ?? "";
    expect(heading).toContain("<w:keepNext/>");
    expect(xml).toContain("<w:pageBreakBefore/>");
  });

  it("keeps multi-line text and escapes XML special characters", async () => {
    const { xml, text } = await written(seedReports()[3] as PillarReport);
    expect(text).toContain(
      "業務改善隊が 5 課を訪問し、手順書を見直しました。\n「窓口 & 電話対応」の待ち時間 <10分>",
    );
    expect(text).toContain('手順書 <v2> & 様式の "統一" が遅れている');
    expect(xml).not.toMatch(BARE_AMPERSAND);
    expect(xml).not.toContain("<v2>");
  });

  it("sets the Japanese font for East Asian text, A4 portrait, a header and page numbers", async () => {
    const { zip, xml } = await written(seedReports()[0] as PillarReport);
    const styles = await part(zip, "word/styles.xml");
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="BIZ UDPゴシック"/);
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="BIZ UDPゴシック"/);
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="ja-JP"/);
    expect(await part(zip, "word/theme/theme1.xml")).toContain(
      '<a:font script="Jpan" typeface="BIZ UDPゴシック"/>',
    );
    expect(xml).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(xml).not.toMatch(/w:orient="landscape"/);

    const rels = await part(zip, "word/_rels/document.xml.rels");
    const header = /Target="(header\d+\.xml)"/.exec(rels)?.[1];
    const footer = /Target="(footer\d+\.xml)"/.exec(rels)?.[1];
    expect(allText(await part(zip, `word/${header}`), "w")).toContain("藤枝市新公共経営実行計画");
    const footerXml = await part(zip, `word/${footer}`);
    expect(footerXml).toMatch(/PAGE/);
    expect(footerXml).toMatch(/NUMPAGES/);
  });

  it("uses the font given to it", async () => {
    const { zip } = await written(
      seedReports()[0] as PillarReport,
      new DocxReportWriter(dir, { font: "Yu Gothic" }),
    );
    expect(await part(zip, "word/styles.xml")).toMatch(/w:eastAsia="Yu Gothic"/);
  });

  it("writes a pillar of 100 measures without losing one", async () => {
    const report = bigReport(100);
    const { xml } = await written(report);
    const headings = paragraphs(xml, "w").filter((p) => /^4-\d+　/.test(p));
    expect(headings.map((h) => h.split("　")[0])).toEqual(report.measures.map((m) => m.measureId));
    expect(tableRows(xml, "w").filter((r) => r[0] === "担当")).toHaveLength(100);
  });

  it("writes a pillar with no measures", async () => {
    const empty: PillarReport = {
      ...(seedReports()[0] as PillarReport),
      measures: [],
      submitted: 0,
      grades: [],
    };
    const { text, rows } = await written(empty);
    expect(text).toContain("この柱に登録された取組はありません。");
    expect(rows).toContainEqual(["合計", "", "0"]);
  });

  it("makes titles safe as file names and never overwrites a report of the same title", async () => {
    const [a, b] = seedReports() as [PillarReport, PillarReport];
    const writer = new DocxReportWriter(dir);
    const one = await writer.writePillarReport({ ...a, title: 'R7/報告:柱*1?"<>|.' }, {});
    const two = await writer.writePillarReport({ ...b, title: 'R7/報告:柱*1?"<>|.' }, {});
    expect(one.name).toBe("R7_報告_柱_1_.docx");
    expect(two.name).toBe("R7_報告_柱_1_ (柱-2).docx");
    expect((await readdir(dir)).sort()).toEqual([one.name, two.name].sort());
    expect(safeFileName("  ...  ", "柱-3")).toBe("柱-3");
    expect(safeFileName("CON", "柱-3")).toBe("柱-3");
    expect([...safeFileName("a".repeat(300), "x")]).toHaveLength(120);
    // counted in bytes too: 66 three-byte characters fit in 200 bytes, room for a tag and .docx
    expect([...safeFileName("あ".repeat(300), "x")]).toHaveLength(66);
  });
});
