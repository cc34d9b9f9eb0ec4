/**
 * The 照会・回答 round trip offline, through the CLI: export per division, two divisions fill
 * their files as a person would (exceljs), one tampers with a greyed cell, one answers a cell
 * the registry changed meanwhile; the import leaves the registry exactly right and reports the rest.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { initRegistry } from "../../src/cli/workbook";
import { parseRegistry } from "../../src/domain/registry";
import { owedItems } from "../../src/domain/reminders";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { genki } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "genki-survey-"));
const registryFile = join(dir, "registry.xlsx");
const outDir = join(dir, "survey");
const fileOf = (division: string) => join(outDir, `進捗照会_${division}_平成24年度_第3四半期.xlsx`);

async function fill(
  path: string,
  edits: { id: string; header: string; value: ExcelJS.CellValue }[],
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("進捗") as ExcelJS.Worksheet;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  for (const e of edits) {
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === e.id) row = n;
    });
    ws.getCell(row, headers.indexOf(e.header)).value = e.value;
  }
  await wb.xlsx.writeFile(path);
}

async function progressRows() {
  const store = await XlsxRegistryStore.open(registryFile);
  return { store, registry: parseRegistry(store.readAll()).registry };
}

interface ImportJson {
  accepted: { file: string; sheet: string; measureId: string; written: string[] }[];
  rejected: {
    file: string;
    sheet: string;
    cell: string;
    measureId: string;
    reason: string;
    message: string;
  }[];
  conflicts: {
    file: string;
    sheet: string;
    cell: string;
    measureId: string;
    registryValue: string;
    fileValue: string;
    registryCell: string;
  }[];
}

let exported: Awaited<ReturnType<typeof genki>>;
let first: Awaited<ReturnType<typeof genki>>;

beforeAll(async () => {
  await initRegistry(registryFile, false, FUJIEDA_DEMO);
  exported = await genki(
    "survey",
    "export",
    registryFile,
    "--fy",
    "H24",
    "--period",
    "第3四半期",
    "--out",
    outDir,
  );
  // After the export, the planning division typed 5 into 2-1's 実績値 in the registry itself.
  const store = await XlsxRegistryStore.open(registryFile);
  store.appendRows("進捗", [["2-1", 2012, "第3四半期", 5]]);
  await store.save(registryFile);
  // 人事課 answers two rows and overwrites a grey 取組内容 on a third.
  await fill(fileOf("人事課"), [
    { id: "1-1", header: "実績値", value: 3 },
    { id: "1-1", header: "評価", value: "B" },
    { id: "1-1", header: "実施内容", value: "キャリア研修を実施しました" },
    { id: "1-2", header: "実施内容", value: "PT活動の評価基準を作成しました" },
    { id: "1-3", header: "実施内容", value: "異動計画を作成しました" },
    { id: "1-3", header: "取組内容", value: "（書き換え）" },
  ]);
  // 行政経営課 answers 2-1 (実績値 conflicts with the registry's 5) and 2-2.
  await fill(fileOf("行政経営課"), [
    { id: "2-1", header: "実績値", value: 7 },
    { id: "2-1", header: "課題", value: "庁内周知が不十分" },
    { id: "2-2", header: "実績値", value: 2 },
    { id: "2-2", header: "実施内容", value: "行政評価を試行しました" },
  ]);
  first = await genki(
    "survey",
    "import",
    registryFile,
    fileOf("人事課"),
    fileOf("行政経営課"),
    "--json",
  );
}, 120_000);

describe("genki survey export", () => {
  it("writes one protected, greyed workbook per leading division with dropdowns and a hidden stamp", async () => {
    expect(exported.status).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(
      ["人事課", "広報課", "行政経営課"]
        .map((d) => `進捗照会_${d}_平成24年度_第3四半期.xlsx`)
        .sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fileOf("広報課"));
    const ws = wb.getWorksheet("進捗") as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "取組ID",
      "年度",
      "期",
      "取組内容",
      "指標",
      "単位",
      "目標値",
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
    expect([ws.getCell("A2").value, ws.getCell("A3").value]).toEqual(["5-1", "5-2"]);
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
    expect(ws.getCell("D2").protection?.locked).not.toBe(false);
    expect(ws.getCell("H2").protection?.locked).toBe(false);
    const fill = ws.getCell("D2").fill;
    expect(fill?.type === "pattern" && fill.fgColor?.argb).toBe("FFD9D9D9");
    expect(ws.getCell("I2").dataValidation?.formulae).toEqual(['"A,B,C,D"']);
    expect(ws.getCell("J2").dataValidation?.formulae).toEqual(['"P,D,C,A"']);
    expect(ws.getCell("P2").dataValidation?.formulae).toEqual(['"未提出,提出済"']);
    expect(wb.getWorksheet("照会情報")?.state).toBe("hidden");
    const howTo = (wb.getWorksheet("記入方法") as ExcelJS.Worksheet)
      .getSheetValues()
      .flat()
      .join(" ");
    // Q3 ends 2012-12-31; ten business days after it, skipping 年末年始 and 成人の日, is 1/18.
    expect(howTo).toContain("平成25年1月18日(金)");
    const { registry } = await progressRows();
    expect(registry.progress.length).toBeGreaterThan(0);
  });
});

describe("genki survey import", () => {
  it("merges the answers, rejects the tampered row, reports the conflict and exits 1", () => {
    expect(first.status, first.stderr).toBe(1);
    const r = JSON.parse(first.stdout) as ImportJson;
    expect(r.accepted.map((a) => a.measureId).sort()).toEqual(["1-1", "1-2", "2-1", "2-2"]);
    expect(r.rejected).toEqual([
      expect.objectContaining({
        file: fileOf("人事課"),
        sheet: "進捗",
        cell: "A4",
        measureId: "1-3",
        reason: "survey-locked-changed",
      }),
    ]);
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        file: fileOf("行政経営課"),
        sheet: "進捗",
        cell: "H2",
        measureId: "2-1",
        registryValue: "5",
        fileValue: "7",
      }),
    ]);
  });

  it("leaves the registry exactly right: answers in 進捗 as 提出済, the registry's 5 kept, 変更履歴 by division", async () => {
    const { registry, store } = await progressRows();
    const q3 = registry.progress.filter((p) => p.fy === 2012 && p.period === 3);
    const by = (id: string) => q3.filter((p) => p.measureId === id);
    expect(q3.map((p) => p.measureId).sort()).toEqual(["1-1", "1-2", "2-1", "2-2"]);
    expect(by("1-1")[0]).toMatchObject({
      actual: 3,
      grade: "B",
      done: "キャリア研修を実施しました",
      status: "提出済",
      reporter: "人事課",
    });
    expect(by("2-1")).toHaveLength(1);
    expect(by("2-1")[0]).toMatchObject({ actual: 5, issues: "庁内周知が不十分", status: "提出済" });
    expect(by("2-2")[0]).toMatchObject({ actual: 2, status: "提出済", reporter: "行政経営課" });
    expect(registry.measures.find((m) => m.measureId === "1-3")?.content).not.toBe("（書き換え）");
    const log = store.read("変更履歴")?.values ?? [];
    const users = new Set(log.slice(1).map((r) => r[1]));
    expect(users).toEqual(new Set(["人事課", "行政経営課"]));
    expect(log.some((r) => r[5] === "行政評価を試行しました")).toBe(true);
    expect(log.some((r) => r[5] === 7)).toBe(false);
  });

  it("no longer owes a division whose answers were imported (they are 提出済)", async () => {
    const { registry } = await progressRows();
    const owedQ3 = owedItems(registry, "2013-01-25").filter(
      (i) => i.fy === 2012 && i.periodIndex === 3,
    );
    expect(owedQ3.filter((i) => i.division === "行政経営課")).toEqual([]);
    expect(owedQ3.map((i) => i.measureId)).toContain("1-3");
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = readFileSync(registryFile);
    const again = await genki(
      "survey",
      "import",
      registryFile,
      fileOf("人事課"),
      fileOf("行政経営課"),
      "--json",
    );
    const r = JSON.parse(again.stdout) as ImportJson;
    expect(r.accepted).toEqual([]);
    expect(r.conflicts).toHaveLength(1);
    expect(readFileSync(registryFile).equals(before)).toBe(true);
  });

  it("exits 2 and writes nothing when a file cannot be read", async () => {
    const bad = join(dir, "broken.xlsx");
    writeFileSync(bad, "not a workbook");
    const copy = join(dir, "copy.xlsx");
    copyFileSync(registryFile, copy);
    const r = await genki("survey", "import", copy, fileOf("広報課"), bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("broken.xlsx: .xlsx 形式として読み取れません");
    expect(r.stderr).toContain("何も取り込んでいません");
    expect(readFileSync(copy).equals(readFileSync(registryFile))).toBe(true);
    expect(existsSync(copy)).toBe(true);
  });

  it("exits 0 with a summary when everything merged", async () => {
    await fill(fileOf("広報課"), [
      { id: "5-1", header: "実施内容", value: "広報紙で周知しました" },
    ]);
    const r = await genki("survey", "import", registryFile, fileOf("広報課"));
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("取込 1 行、却下 0 件、競合 0 件。");
  });

  it("refuses a period the registry does not have, in Japanese", async () => {
    const r = await genki(
      "survey",
      "export",
      registryFile,
      "--fy",
      "2012",
      "--period",
      "第5四半期",
      "--out",
      outDir,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("期「第5四半期」を読めません");
  });

  it("attaches the division's answer file to its reminder (offline)", async () => {
    const outbox = join(dir, "outbox");
    const r = await genki("remind", registryFile, "--today", "2013-01-18", "--outbox", outbox);
    expect(r.status, r.stderr).toBe(0);
    const emls = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), "utf8"));
    const parsed = await Promise.all(emls.map((e) => simpleParser(e)));
    const jinji = parsed.find((m) => String(m.text).includes("人事課"));
    expect(jinji?.attachments.map((a) => a.filename)).toEqual([
      "進捗照会_人事課_平成24年度_第3四半期.xlsx",
    ]);
    expect(jinji?.text).toContain("添付しました");
  });
});
