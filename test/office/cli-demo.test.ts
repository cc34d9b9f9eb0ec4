import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRegistry } from "../../src/domain/registry";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";

const CLI = join(__dirname, "../../dist/cli/genki.js");
const genki = (...args: string[]) =>
  execFileSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, TZ: "America/Los_Angeles" },
  });

describe("genki demo (npm start)", () => {
  it("writes the registry workbook and prints the plan summary", async () => {
    const out = mkdtempSync(join(tmpdir(), "genki-demo-"));
    const stdout = genki("demo", "--out", out);
    expect(stdout).toContain("計画名: 藤枝市新公共経営実行計画");
    expect(stdout).toContain("計画期間: 平成24年度〜平成26年度（FY2012–FY2014）");
    expect(stdout).toMatch(/柱: 6　取組: 14　年度目標: 42　所属: 5/);
    expect(stdout).toContain("柱-5 市民への情報発信と戦略的広報の推進（取組 2）");
    const file = join(out, "registry.xlsx");
    expect(existsSync(file)).toBe(true);
    const { registry } = parseRegistry((await XlsxRegistryStore.open(file)).readAll());
    expect(registry.measures).toHaveLength(14);
  });

  it("init completes an existing file without duplicating it", async () => {
    const out = mkdtempSync(join(tmpdir(), "genki-init-"));
    const file = join(out, "r.xlsx");
    expect(genki("init", file)).toContain("「取組」シートを作成しました（14行）。");
    expect(genki("init", file)).toContain("登録簿はすでに整っています");
    const { registry } = parseRegistry((await XlsxRegistryStore.open(file)).readAll());
    expect(registry.measures).toHaveLength(14);
  });

  it("says clearly when a file is not a workbook, with exit code 2", () => {
    const out = mkdtempSync(join(tmpdir(), "genki-bad-"));
    const file = join(out, "broken.xlsx");
    require("node:fs").writeFileSync(file, "not a zip");
    let status = 0;
    let stderr = "";
    try {
      genki("init", file);
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain(".xlsx 形式として読み取れません");
  });
});
