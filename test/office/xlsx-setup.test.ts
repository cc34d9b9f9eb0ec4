import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO, FUJIEDA_PLAN } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { parseRegistry } from "../../src/domain/registry";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";

const tmp = () => mkdtempSync(join(tmpdir(), "genki-xlsx-"));

async function freshRegistry(): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_PLAN);
  const file = join(tmp(), "registry.xlsx");
  await store.save(file);
  return file;
}

describe("setup on an .xlsx registry", () => {
  it("writes every sheet with bold frozen headers, text ID columns and dropdowns", async () => {
    const file = await freshRegistry();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "設定",
      "柱",
      "取組",
      "年度目標",
      "進捗",
      "所属",
      "閉庁日",
      "送信記録",
      "変更履歴",
      "出力",
      "ダッシュボード",
    ]);
    const progress = wb.getWorksheet("進捗");
    expect(progress?.getRow(1).values).toEqual([
      undefined,
      "取組ID",
      "年度",
      "期",
      "実績値",
      "評価",
      "PDCA",
      "実施内容",
      "課題",
      "次の対応",
      "報告者",
      "報告日",
      "状態",
    ]);
    expect(progress?.getCell("A1").font?.bold).toBe(true);
    expect(progress?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(progress?.getCell("C2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"第1四半期,第2四半期,第3四半期,第4四半期"'],
    });
    expect(progress?.getCell("E50").dataValidation?.formulae).toEqual(['"A,B,C,D"']);
    expect(progress?.getCell("L2").dataValidation?.formulae).toEqual([
      '"未提出,提出済,確認済,差戻し"',
    ]);
    expect(progress?.getCell("B2").dataValidation?.formulae).toEqual(['"2012,2013,2014"']);
    const measures = wb.getWorksheet("取組");
    expect(measures?.getCell("D2").dataValidation?.formulae).toEqual(["'所属'!$A$2:$A$1000"]);
    expect(measures?.getColumn(1).numFmt).toBe("@");
    expect(measures?.getCell("C3").value).toBe(
      "PT活動等による研鑚と職務の成果を、上司の的確なマネジメントにより総合評価",
    );
    expect(measures?.actualRowCount).toBe(15);
  });

  it("reads back as the bundled plan", async () => {
    const store = await XlsxRegistryStore.open(await freshRegistry());
    const { registry, problems } = parseRegistry(store.readAll());
    expect(problems).toEqual([]);
    expect(registry.pillars).toHaveLength(6);
    expect(registry.measures).toHaveLength(14);
    expect(registry.settings.planName).toBe("藤枝市新公共経営実行計画");
  });

  it("is idempotent: a second run changes nothing and duplicates nothing", async () => {
    const file = await freshRegistry();
    const store = await XlsxRegistryStore.open(file);
    const before = store.readAll();
    const result = setupRegistry({ store }, FUJIEDA_PLAN);
    expect(result.actions).toEqual([]);
    expect(result.unchanged).toHaveLength(11);
    expect(store.readAll()).toEqual(before);
  });

  it("keeps user data and only adds what is missing", async () => {
    const file = await freshRegistry();
    const store = await XlsxRegistryStore.open(file);
    store.appendRows("進捗", [["1-1", 2012, "第1四半期", 5, "B"]]);
    store.writeCells("進捗", 1, 11, [[""]]); // someone deleted the 報告日 header
    const settings = store.read("設定")?.values ?? [];
    const planRow = settings.findIndex((r) => r[0] === "送信時刻") + 1;
    store.writeCells("設定", planRow, 1, [["", "", ""]]); // and cleared a setting row
    store.writeCells("柱", 2, 2, [["（変更）市民の役に立つ職員の育成"]]);

    const result = setupRegistry({ store }, FUJIEDA_PLAN);

    expect(result.actions).toEqual([
      { kind: "settings-added", sheet: "設定", settings: ["送信時刻"] },
      { kind: "headers-added", sheet: "進捗", headers: ["報告日"] },
    ]);
    const progress = store.read("進捗")?.values ?? [];
    expect(progress).toHaveLength(2);
    expect(progress[0]?.[12]).toBe("報告日");
    expect(progress[1]?.slice(0, 5)).toEqual(["1-1", 2012, "第1四半期", 5, "B"]);
    expect(store.read("柱")?.values[1]?.[1]).toBe("（変更）市民の役に立つ職員の育成");
    expect(store.read("柱")?.values).toHaveLength(7);
  });

  it("seeds the template into a tab that exists but is empty, in that tab's column order", async () => {
    const store = XlsxRegistryStore.empty();
    store.createSheet(
      "Pillars",
      {
        headers: [],
        widths: [],
        tabColor: "#000000",
        textColumns: [],
        wrapColumns: [],
        dropdowns: [],
        appOwned: false,
      },
      [["Pillar", "Pillar ID"]],
    );
    setupRegistry({ store }, FUJIEDA_PLAN);
    const pillars = store.read("Pillars")?.values ?? [];
    expect(pillars[1]?.slice(0, 2)).toEqual([
      "真に市民の役に立つ職員の計画的・戦略的な育成",
      "柱-1",
    ]);
    expect(store.sheetNames().filter((n) => n === "柱")).toEqual([]);
  });

  it("keeps formula-like text as text through a save and reload", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_PLAN);
    store.appendRows("進捗", [
      ["1-1", 2012, "第1四半期", "", "", "", '=HYPERLINK("http://x")', "@SUM(A1)"],
    ]);
    const file = join(tmp(), "f.xlsx");
    await store.save(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet("進捗")?.getCell("G2").formula).toBeUndefined();
    expect(wb.getWorksheet("進捗")?.getCell("G2").value).toBe('\'=HYPERLINK("http://x")');
    const reopened = await XlsxRegistryStore.open(file);
    expect(reopened.read("進捗")?.values[1]?.slice(6, 8)).toEqual([
      '=HYPERLINK("http://x")',
      "@SUM(A1)",
    ]);
  });
});

/** The demo registry as saved to disk, read back by exceljs (what Excel and LibreOffice get). */
async function savedDemoWorkbook(): Promise<ExcelJS.Workbook> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  const file = join(mkdtempSync(join(tmpdir(), "genki-print-")), "r.xlsx");
  await store.save(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("printing the registry", () => {
  it("prints every tab on A4 landscape, fitted to the page width, with the header row repeated", async () => {
    const wb = await savedDemoWorkbook();
    expect(wb.worksheets.length).toBeGreaterThan(5);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
      });
    }
  });

  it("makes rows tall enough for their wrapped text, so nothing prints cut (LibreOffice does not grow them)", async () => {
    const wb = await savedDemoWorkbook();
    const measures = wb.getWorksheet("取組");
    const content = measures?.getRow(1).values as unknown[];
    const col = content.indexOf("取組内容");
    // 1-1's 取組内容 is 40 full-width characters: two lines at least in its column
    const row = measures?.getRow(2);
    expect(String(row?.getCell(col).value).length).toBeGreaterThan(30);
    expect(row?.height).toBeGreaterThanOrEqual(30);
    // a short row keeps the default height
    const settings = wb.getWorksheet("設定");
    const short = settings?.getRow(5);
    expect(short?.height ?? 15).toBeLessThanOrEqual(15);
    // every 説明 of 設定 that is clearly longer than its column gets two lines at least
    const width = settings?.getColumn(3).width ?? 60;
    let long = 0;
    settings?.eachRow((r, n) => {
      const note = String(r.getCell(3).value ?? "");
      if (n === 1 || note.length * 2 < width * 1.5) return;
      long++;
      expect(r.height ?? 15, `設定 row ${n}`).toBeGreaterThanOrEqual(30);
    });
    expect(long).toBeGreaterThan(3);
  });
});
