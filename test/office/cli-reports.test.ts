import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { genki } from "../support/cli";

async function demoRegistry(): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  const file = join(mkdtempSync(join(tmpdir(), "genki-reports-")), "registry.xlsx");
  await store.save(file);
  return file;
}

const xml = async (file: string, pattern: RegExp) => {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => pattern.test(n));
  return Promise.all(names.map((n) => zip.file(n)?.async("string") ?? ""));
};

describe("genki report / genki deck", () => {
  it("writes one .docx per pillar with its measures, and lists them in 出力", async () => {
    const file = await demoRegistry();
    const out = mkdtempSync(join(tmpdir(), "genki-docx-"));
    const r = await genki("report", file, "--fy", "平成24年度", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const docs = readdirSync(out)
      .filter((f) => f.endsWith(".docx"))
      .sort();
    expect(docs).toHaveLength(6);
    const [body] = await xml(join(out, docs[0] ?? ""), /^word\/document\.xml$/);
    expect(body).toContain("本気で職員の育成・成長を支援し");
    // a long heading is broken at a word boundary: read it without the line break
    expect(body?.replace(/<[^>]+>/g, "")).toContain(
      "理想とする職員像(キャリアデザイン)を目指したステップ(キャリアプラン)の実現支援",
    );
    const outputs = (await XlsxRegistryStore.open(file)).read("出力")?.values ?? [];
    expect(outputs.slice(1).map((row) => [row[1], row[3]])).toEqual(
      ["柱-1", "柱-2", "柱-3", "柱-4", "柱-5", "柱-6"].map((p) => ["柱別報告書", p]),
    );
  });

  it("writes just one pillar with --pillar, and explains an unknown one", async () => {
    const file = await demoRegistry();
    const out = mkdtempSync(join(tmpdir(), "genki-docx-"));
    expect(
      (await genki("report", file, "--fy", "2012", "--pillar", "柱-5", "--out", out)).status,
    ).toBe(0);
    expect(readdirSync(out)).toEqual([
      "平成24年度 柱-5 市民への情報発信と戦略的広報の推進 進捗報告書.docx",
    ]);
    expect(
      await genki("report", file, "--fy", "2012", "--pillar", "柱-9", "--out", out),
    ).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("柱ID「柱-9」は柱シートにありません"),
    });
    expect(await genki("report", file, "--fy", "来年", "--out", out)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("年度として読めません"),
    });
  });

  it("writes the deck for the seed plan: title, overview, a slide per pillar, issues", async () => {
    const file = await demoRegistry();
    const out = mkdtempSync(join(tmpdir(), "genki-pptx-"));
    const r = await genki("deck", file, "--fy", "H24", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const [deck] = readdirSync(out);
    expect(deck).toBe("藤枝市新公共経営実行計画 平成24年度 年次報告.pptx");
    const slides = await xml(join(out, deck ?? ""), /^ppt\/slides\/slide\d+\.xml$/);
    // 9 slides, plus a second issues slide for the sample's longer 課題 texts
    expect(slides.length).toBeGreaterThanOrEqual(9);
    const all = slides.join("");
    for (const name of [
      "真に市民の役に立つ職員の計画的・戦略的な育成",
      "市役所のPDCAサイクルの確立",
    ])
      expect(all).toContain(name);
  });

  it.each([
    ["deck", "藤枝市新公共経営実行計画 平成24年度 年次報告.pptx"],
    ["report", "平成24年度 柱-1 真に市民の役に立つ職員の計画的・戦略的な育成 進捗報告書.docx"],
  ])(
    "genki %s says which file could not be written and why, and logs nothing in 出力",
    async (command, name) => {
      const file = await demoRegistry();
      // --out below a file: no folder can be made there
      const blocker = join(mkdtempSync(join(tmpdir(), "genki-out-")), "a-file");
      writeFileSync(blocker, "not a folder");
      const out = join(blocker, "outputs");
      const r = await genki(command, file, "--fy", "2012", "--out", out);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `「${join(out, name)}」を書き出せませんでした（書き込みエラー ENOTDIR）`,
      );
      expect(r.stderr).toContain("登録簿は実行前のまま変わっていません");
      expect(r.stderr).not.toMatch(/Error|at /);
      const outputs = (await XlsxRegistryStore.open(file)).read("出力")?.values ?? [];
      expect(outputs.slice(1)).toEqual([]);
    },
  );

  it("lists the outputs in 出力 of a registry the quick save cannot take (formatted rows below)", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    // someone coloured row 20 of 出力: the rows must still go right below the last entry
    const ws = store.workbook.getWorksheet("出力");
    if (!ws) throw new Error("no 出力");
    ws.getCell(20, 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const file = join(mkdtempSync(join(tmpdir(), "genki-reports-")), "registry.xlsx");
    await store.save(file);
    const out = mkdtempSync(join(tmpdir(), "genki-pptx-"));
    const r = await genki("deck", file, "--fy", "2012", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const saved = await XlsxRegistryStore.open(file);
    const outputs = saved.read("出力")?.values ?? [];
    expect(outputs.slice(1).map((row) => row[1])).toEqual(["年次報告スライド"]);
    expect(saved.workbook.getWorksheet("出力")?.getCell(20, 1).fill).toMatchObject({
      fgColor: { argb: "FFFFFF00" },
    });
  });
});
