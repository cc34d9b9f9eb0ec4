import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";

const CLI = join(__dirname, "../../dist/cli/genki.js");

function genki(...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return { status: 0, stdout, stderr: "" };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: String(err.stdout), stderr: String(err.stderr) };
  }
}

async function registryWith(edit: (store: XlsxRegistryStore) => void): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_PLAN);
  edit(store);
  const file = join(mkdtempSync(join(tmpdir(), "genki-validate-")), "r.xlsx");
  await store.save(file);
  return file;
}

describe("genki validate", () => {
  it("exits 0 on the bundled plan and says so", async () => {
    const r = genki("validate", await registryWith(() => {}));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("問題は見つかりませんでした。");
  });

  it("lists located problems as JSON and exits 1 when there are errors", async () => {
    const file = await registryWith((s) =>
      s.appendRows("進捗", [["9-9", "H24", "第1四半期", "１２件"]]),
    );
    const r = genki("validate", file, "--json");
    expect(r.status).toBe(1);
    const problems = JSON.parse(r.stdout) as {
      sheet: string;
      cell: string;
      code: string;
      severity: string;
      message: string;
    }[];
    expect(problems).toContainEqual({
      sheet: "進捗",
      cell: "進捗!D2",
      code: "number-normalised",
      severity: "warning",
      message:
        "「１２件」を数値 12 として読み取りました。単位や全角文字を付けず、半角数字だけで入力してください。",
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ cell: "進捗!A2", code: "unknown-measure", severity: "error" }),
    );
  });

  it("refreshes ダッシュボード in the file, and creates the tab again when it was deleted", async () => {
    const kept = await registryWith(() => {});
    const deleted = await registryWith((store) => {
      const ws = store.workbook.getWorksheet("ダッシュボード");
      if (ws) store.workbook.removeWorksheet(ws.id);
    });
    for (const file of [kept, deleted]) {
      const before = await XlsxRegistryStore.open(file);
      expect(genki("validate", file, "--today", "2012-10-18").status, file).toBe(0);
      const after = await XlsxRegistryStore.open(file);
      const rows = after.read("ダッシュボード")?.values ?? [];
      expect(rows[0]?.slice(0, 3)).toEqual(["区分", "名称", "報告対象"]);
      expect(rows.find((r) => r[0] === "合計")?.slice(0, 3)).toEqual(["合計", "全体", 14]);
      expect(String(rows[1]?.[5])).toContain("更新 2012-10-18");
      for (const name of before.sheetNames().filter((n) => n !== "ダッシュボード"))
        expect(after.read(name), name).toEqual(before.read(name));
    }
  });

  it("speaks English with --lang en", async () => {
    const file = await registryWith((s) =>
      s.appendRows("進捗", [["1-1", 2012, "第1四半期", "many"]]),
    );
    const r = genki("validate", file, "--lang", "en");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      "進捗!D2\terror\t“many” is not a number. Enter digits only (e.g. 120).",
    );
    expect(r.stdout).toContain("Found 1 error(s) and 0 warning(s).");
  });

  it("exits 2 with a clear message for a missing or unreadable file, and for a bad --lang", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genki-validate-"));
    expect(genki("validate", join(dir, "none.xlsx"))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("ファイルが見つかりません"),
    });
    writeFileSync(join(dir, "bad.xlsx"), "PK\u0003\u0004broken");
    expect(genki("validate", join(dir, "bad.xlsx"))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("読み取れません"),
    });
    const file = await registryWith(() => {});
    expect(genki("validate", file, "--lang", "fr")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("ja か en"),
    });
  });
});

describe("genki validate --annotate", () => {
  it("writes a copy with a note and colour on each problem cell, and clears them once fixed", async () => {
    const file = await registryWith((s) => {
      s.appendRows("進捗", [["1-1", 2012, "第1四半期", "多数"]]);
      s.writeCells("柱", 2, 4, [["職員が元気に働く市役所"]]);
    });
    const dir = mkdtempSync(join(tmpdir(), "genki-annotate-"));
    const out = join(dir, "annotated.xlsx");
    expect(genki("validate", file, "--annotate", out).status).toBe(1);
    const marked = await XlsxRegistryStore.open(out);
    const cell = marked.workbook.getWorksheet("進捗")?.getCell("D2");
    expect(String(cell?.note)).toBe(
      "⚠ 計画管理: 「多数」は数値として読めません。半角数字で入力してください（例: 120）。",
    );
    expect(cell?.fill).toMatchObject({ fgColor: { argb: "FFF4C7C3" } });

    marked.writeCells("進捗", 2, 4, [[15]]);
    const sheet = marked.workbook.getWorksheet("進捗");
    if (!sheet) throw new Error("no 進捗");
    sheet.getCell("G2").note = "担当者メモ: 来週確認";
    const fixedFile = join(dir, "fixed.xlsx");
    await marked.save(fixedFile);
    const again = join(dir, "again.xlsx");
    expect(genki("validate", fixedFile, "--annotate", again).status).toBe(0);
    const cleared = await XlsxRegistryStore.open(again);
    const clearedSheet = cleared.workbook.getWorksheet("進捗");
    expect(clearedSheet?.getCell("D2").note).toBeUndefined();
    expect(String(clearedSheet?.getCell("G2").note)).toBe("担当者メモ: 来週確認");
  });
});
