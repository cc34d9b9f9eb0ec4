/**
 * The registry read as values (XlsxSnapshot, used by `genki report` / `genki deck` / `genki
 * validate`) gives what the full exceljs reader gives, and rows appended to it (or ダッシュボード's
 * rows replaced) are saved by writing them into the file as it was (saveAppendsAtomically), read
 * back as written, with every other part unchanged.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { saveAppendsAtomically } from "../../src/office/atomic-save";
import { backupPath } from "../../src/office/file-names";
import { XlsxSnapshot } from "../../src/office/xlsx-snapshot";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";

/** Long enough that the zip's chunks split its characters (3 bytes each in UTF-8). */
const LONG_JAPANESE = "職員の計画的・戦略的な育成と地域主権改革𠮷".repeat(4000);

async function registry(): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  // 取組: a long text, a formula-like text, a number, a boolean, a gap, then a date
  store.writeCells("取組", 20, 1, [
    [LONG_JAPANESE, "=SUM(A1:A2)", 12.5, true, "", new Date("2013-07-10T00:00:00+09:00")],
  ]);
  const ws = store.workbook.getWorksheet("取組");
  if (!ws) throw new Error("no 取組");
  ws.getCell(21, 1).value = { richText: [{ text: "太字" }, { text: "と普通" }] };
  ws.getCell(21, 2).value = { formula: "1+1", result: 2 };
  const file = join(mkdtempSync(join(tmpdir(), "genki-snapshot-")), "registry.xlsx");
  await store.save(file);
  return file;
}

describe("XlsxSnapshot", () => {
  it("reads every tab as the full reader does: text split across chunks, dates, formulas", async () => {
    const file = await registry();
    const snapshot = await XlsxSnapshot.tryOpen(readFileSync(file));
    const full = await XlsxRegistryStore.open(file);
    expect(snapshot).toBeDefined();
    expect(snapshot?.sheetNames()).toEqual(full.sheetNames());
    expect(snapshot?.readAll()).toEqual(full.readAll());
    const row = snapshot?.read("取組")?.values[19];
    expect(row?.slice(0, 5)).toEqual([LONG_JAPANESE, "=SUM(A1:A2)", 12.5, true, ""]);
    expect(row?.[5]).toEqual(new Date("2013-07-10T00:00:00+09:00"));
    expect(snapshot?.read("取組")?.values[20]?.slice(0, 2)).toEqual(["太字と普通", 2]);
  });

  it("is undefined for a file that is not a workbook, so the caller's reader says why", async () => {
    expect(await XlsxSnapshot.tryOpen(new TextEncoder().encode("not a zip"))).toBeUndefined();
    const zip = new JSZip();
    zip.file("hello.txt", "a zip, but no workbook");
    expect(await XlsxSnapshot.tryOpen(await zip.generateAsync({ type: "uint8array" }))).toBe(
      undefined,
    );
  });

  it("saves appended rows into the file as it was: read back as written, other parts as they were", async () => {
    const file = await registry();
    const before = await JSZip.loadAsync(readFileSync(file));
    const snapshot = await XlsxSnapshot.tryOpen(readFileSync(file));
    if (!snapshot) throw new Error("snapshot");
    const at = new Date("2026-12-01T10:20:30+09:00");
    const rows = [
      [at, "柱別報告書", "平成24年度", "柱-1", 'a <b> & "c"', '=HYPERLINK("x")'],
      [at, "年次報告スライド", "平成24年度", "", LONG_JAPANESE, "/out/deck.pptx"],
    ];
    snapshot.appendRows("出力", rows);
    expect(await saveAppendsAtomically(snapshot, file)).toBe(true);
    expect(existsSync(backupPath(file))).toBe(true);

    const saved = await XlsxRegistryStore.open(file);
    const outputs = saved.read("出力")?.values ?? [];
    expect(outputs).toHaveLength(3);
    expect(outputs.slice(1)).toEqual(rows);
    // the date cell is a date in Excel too (a date format, not a bare serial number)
    expect(saved.workbook.getWorksheet("出力")?.getCell(2, 1).numFmt).toMatch(/[dy]/);
    const full = await XlsxRegistryStore.open(backupPath(file));
    for (const name of full.sheetNames().filter((n) => n !== "出力"))
      expect(saved.read(name)).toEqual(full.read(name));
    // untouched parts keep their bytes
    const after = await JSZip.loadAsync(readFileSync(file));
    for (const path of ["xl/sharedStrings.xml", "xl/worksheets/sheet3.xml"])
      expect(await after.file(path)?.async("string")).toBe(
        await before.file(path)?.async("string"),
      );
  });

  it("appends twice in a row below what is there (a second run adds, never overwrites)", async () => {
    const file = await registry();
    for (const id of ["柱-1", "柱-2"]) {
      const snapshot = await XlsxSnapshot.tryOpen(readFileSync(file));
      snapshot?.appendRows("出力", [[new Date(), "柱別報告書", "平成24年度", id, "n", "u"]]);
      if (!snapshot || !(await saveAppendsAtomically(snapshot, file))) throw new Error("save");
    }
    const outputs = (await XlsxRegistryStore.open(file)).read("出力")?.values ?? [];
    expect(outputs.slice(1).map((r) => r[3])).toEqual(["柱-1", "柱-2"]);
  });

  it("leaves the file alone and says so when formatted rows lie below the last value", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    // someone coloured row 10 of 出力: exceljs, not a patch, must merge the new rows with it
    const ws = store.workbook.getWorksheet("出力");
    if (!ws) throw new Error("no 出力");
    ws.getCell(10, 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    const file = join(mkdtempSync(join(tmpdir(), "genki-snapshot-")), "registry.xlsx");
    await store.save(file);
    const copy = `${file}.orig`;
    copyFileSync(file, copy);
    const past = new Date("2020-01-01T00:00:00Z");
    utimesSync(file, past, past);
    const snapshot = await XlsxSnapshot.tryOpen(readFileSync(file));
    snapshot?.appendRows("出力", [[new Date(), "柱別報告書", "平成24年度", "柱-1", "n", "u"]]);
    if (!snapshot) throw new Error("snapshot");
    expect(await saveAppendsAtomically(snapshot, file)).toBe(false);
    expect(readFileSync(file)).toEqual(readFileSync(copy));
    expect(statSync(file).mtimeMs).toBe(past.getTime());
  });

  it("rewrites ダッシュボード's rows in the file as it was: fewer rows leave none behind", async () => {
    const file = await registry();
    const wide = [
      ["全体", "全体", 14, 12, 4, "A:3 B:3", 0, 2],
      [
        "柱",
        `柱-1 ${"真に市民の役に立つ職員の計画的・戦略的な育成".repeat(3)}`,
        3,
        3,
        1,
        "A:1",
        0,
        0,
      ],
      ["柱", "柱-2 <地域> & 主権", 2, 2, 0, "", 1, 0],
    ];
    for (const rows of [wide, wide.slice(0, 1)]) {
      const snapshot = await XlsxSnapshot.tryOpen(readFileSync(file));
      if (!snapshot) throw new Error("snapshot");
      const header = snapshot.read("ダッシュボード")?.values[0];
      snapshot.replaceRows("ダッシュボード", rows);
      expect(await saveAppendsAtomically(snapshot, file)).toBe(true);
      const saved = await XlsxRegistryStore.open(file);
      expect(saved.read("ダッシュボード")?.values).toEqual([header, ...rows]);
      const full = await XlsxRegistryStore.open(backupPath(file));
      for (const name of full.sheetNames().filter((n) => n !== "ダッシュボード"))
        expect(saved.read(name)).toEqual(full.read(name));
      // rows as tall as their wrapped 名称 needs, as the full save makes them
      const whole = await XlsxRegistryStore.open(backupPath(file));
      whole.replaceRows("ダッシュボード", rows);
      const wholeFile = `${file}.whole.xlsx`;
      await whole.save(wholeFile);
      const heights = async (f: string) => {
        const ws = (await XlsxRegistryStore.open(f)).workbook.getWorksheet("ダッシュボード");
        return rows.map((_, i) => ws?.getRow(i + 2).height ?? 15);
      };
      expect(await heights(file)).toEqual(await heights(wholeFile));
      if (rows.length > 1) expect(Math.max(...(await heights(file)))).toBeGreaterThan(15);
    }
    const ws = (await XlsxRegistryStore.open(file)).workbook.getWorksheet("ダッシュボード");
    expect(ws?.getRow(2).height ?? 15).toBe(15);
  });

  it("leaves a tab with merged cells to the full save when its rows are replaced", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    store.workbook.getWorksheet("ダッシュボード")?.mergeCells("A5:B5");
    const file = join(mkdtempSync(join(tmpdir(), "genki-snapshot-")), "registry.xlsx");
    await store.save(file);
    const before = readFileSync(file);
    const snapshot = await XlsxSnapshot.tryOpen(before);
    snapshot?.replaceRows("ダッシュボード", [["全体", "全体", 1, 1, 1, "", 0, 0]]);
    if (!snapshot) throw new Error("snapshot");
    expect(await saveAppendsAtomically(snapshot, file)).toBe(false);
    expect(readFileSync(file)).toEqual(before);
  });

  it("refuses every change other than appending rows or replacing a tab's rows", async () => {
    const snapshot = await XlsxSnapshot.tryOpen(readFileSync(await registry()));
    expect(() => snapshot?.writeCells("取組", 2, 1, [["x"]])).toThrow(/only appends rows/);
    expect(() => snapshot?.annotate([])).toThrow(/only appends rows/);
    expect(() => snapshot?.replaceRows("存在しないシート", [])).toThrow(/見つかりません/);
  });
});
