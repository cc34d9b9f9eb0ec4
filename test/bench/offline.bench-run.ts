/**
 * `npm run bench`, offline part: the `genki` CLI (dist/cli/genki.js) on an .xlsx registry scaled
 * 1x/10x/100x (and 1000x with GENKI_BENCH_1000=1: it builds a 168,000-row workbook and takes
 * several minutes), each command timed as its own process next to a floor measured in the same
 * run: a process that only reads the same .xlsx with exceljs. Prints ratios to the floor and peak
 * memory (maxRSS). Fails when a command fails, and, at 1000x, when DESIGN's budget breaks
 * (≤ 3× the floor, < 1 GB peak).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { sheetDef } from "../../src/domain/schema";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { writeJson } from "./report";
import { benchDivisions, scaledRegistry } from "./scaled-registry";

const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "dist/cli/genki.js");
const OUT = join(ROOT, "out/bench/offline.json");
const SCALES = process.env.GENKI_BENCH_1000 === "1" ? [1, 10, 100, 1000] : [1, 10, 100];
/** DESIGN: offline commands at 1000x: ≤ 3× the read floor, < 1 GB peak memory */
const BUDGET_SCALE = 1000;
const FLOOR_RATIO = 3;
const PEAK_LIMIT_MB = 1024;
/** the due date of 平成26年度 第2四半期 in the scaled registry's plan */
const REMIND_DAY = "2014-10-15";

interface Row {
  readonly command: string;
  readonly scale: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly ratio: number;
  readonly ok: boolean;
  readonly error?: string;
}

const rows: Row[] = [];
const failures: string[] = [];

/** Runs `args` in its own node process; wall time and peak RSS from the process itself. */
function timed(args: readonly string[]): {
  seconds: number;
  peakMb: number;
  ok: boolean;
  error: string;
} {
  const dir = mkdtempSync(join(tmpdir(), "genki-peak-"));
  const peakFile = join(dir, "peak");
  const hook = join(dir, "peak.cjs");
  writeFileSync(
    hook,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));`,
  );
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", hook, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, TZ: "Asia/Tokyo" },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let peakMb = 0;
  try {
    peakMb = Number(readFileSync(peakFile, "utf8")) / 1024;
  } catch {
    peakMb = Number.NaN;
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    seconds,
    peakMb,
    ok: r.status === 0,
    error: r.status === 0 ? "" : `exit ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`,
  };
}

/** The scaled registry as an .xlsx made by 初期設定 and the pasted tabs. */
async function scaledWorkbook(scale: number, dir: string): Promise<string> {
  const divisions = benchDivisions(scale);
  const data = scaledRegistry(scale, { leads: divisions.map((d) => String(d.name)) });
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_PLAN);
  store.replaceRows(sheetDef("measures").ja, data.measures);
  store.replaceRows(sheetDef("targets").ja, data.targets);
  store.replaceRows(sheetDef("progress").ja, data.progress);
  store.replaceRows(
    sheetDef("divisions").ja,
    divisions.map((d) => sheetDef("divisions").columns.map((c) => d[c.key] ?? "")),
  );
  const file = join(dir, `registry-${scale}x.xlsx`);
  await store.save(file);
  return file;
}

async function measureScale(scale: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `genki-offline-${scale}x-`));
  try {
    const file = await scaledWorkbook(scale, dir);
    const floorScript = `new (require("exceljs").Workbook)().xlsx.readFile(${JSON.stringify(file)}).then(() => {})`;
    const floor = timed(["-e", floorScript]);
    rows.push({ command: "floor (exceljs read)", scale, ...floor, ratio: 1 });
    const out = join(dir, "out");
    mkdirSync(out, { recursive: true });
    const commands: [string, string[]][] = [
      ["validate", ["validate", file, "--json"]],
      ["remind --dry-run", ["remind", file, "--today", REMIND_DAY, "--dry-run", "--json"]],
      ["report", ["report", file, "--fy", "2012", "--out", out]],
      ["deck", ["deck", file, "--fy", "2012", "--out", out]],
    ];
    for (const [command, args] of commands) {
      const r = timed([CLI, ...args]);
      // validate exits 1 when it finds problems (the scaled registry has some on purpose)
      const ok = r.ok || (command === "validate" && /exit 1:/.test(r.error));
      const row: Row = {
        command,
        scale,
        seconds: r.seconds,
        peakMb: r.peakMb,
        ratio: r.seconds / floor.seconds,
        ok,
        ...(ok ? {} : { error: r.error }),
      };
      rows.push(row);
      if (!ok) failures.push(`${command} at ${scale}x failed: ${r.error}`);
      if (scale === BUDGET_SCALE && ok) {
        if (row.ratio > FLOOR_RATIO)
          failures.push(
            `${command} at ${scale}x: ${row.ratio.toFixed(2)}× the read floor (≤ ${FLOOR_RATIO}×)`,
          );
        if (row.peakMb >= PEAK_LIMIT_MB)
          failures.push(
            `${command} at ${scale}x: peak ${Math.round(row.peakMb)} MB (< ${PEAK_LIMIT_MB} MB)`,
          );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(): string {
  const commands = [...new Set(rows.map((r) => r.command))];
  const scales = [...new Set(rows.map((r) => r.scale))];
  const cell = (c: string, s: number) => {
    const r = rows.find((x) => x.command === c && x.scale === s);
    if (!r) return "-";
    if (!r.ok) return "FAILED";
    const base = c.startsWith("floor")
      ? `${r.seconds.toFixed(2)} s`
      : `${r.ratio.toFixed(2)}× (${r.seconds.toFixed(1)} s)`;
    return `${base}, ${Math.round(r.peakMb)} MB`;
  };
  const width = Math.max(...commands.map((c) => c.length));
  return [
    "",
    "genki CLI offline, each command its own process, ratio to the floor (a process that only reads",
    `the same .xlsx with exceljs) measured in the same run, and peak memory (maxRSS).${SCALES.includes(1000) ? "" : " 1000x: GENKI_BENCH_1000=1 npm run bench."}`,
    `${"command".padEnd(width)}  ${scales.map((s) => `${s}x`.padEnd(28)).join("")}`,
    ...commands.map(
      (c) => `${c.padEnd(width)}  ${scales.map((s) => cell(c, s).padEnd(28)).join("")}`,
    ),
    failures.length === 0 ? "Offline problems: none" : "Offline problems:",
    ...failures.map((f) => `  - ${f}`),
    `JSON: ${OUT}`,
  ].join("\n");
}

describe("offline bench", () => {
  afterAll(() => {
    console.log(summary());
    writeJson(OUT, { generatedAt: new Date().toISOString(), rows, failures });
    if (failures.length > 0) throw new Error(`offline bench: ${failures.join("\n")}`);
  });
  for (const scale of SCALES) {
    it(`genki commands at ${scale}x`, async () => {
      await measureScale(scale);
    });
  }
});
