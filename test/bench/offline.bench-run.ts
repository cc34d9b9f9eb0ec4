/**
 * `npm run bench`, offline part: the `genki` CLI (dist/cli/genki.js) on an .xlsx registry scaled
 * 1x/10x/100x/1000x (GENKI_BENCH_1000=0 leaves 1000x out: it builds a 168,000-row workbook and takes
 * several minutes), each command timed as its own process next to a floor measured in the same
 * run: a process that only reads the same .xlsx with exceljs. Prints, per command and scale, the
 * time, its ratio to the floor, peak memory (maxRSS) and what it wrote (size on disk, and the
 * XML inside for .docx/.pptx). Fails (throws, so `npm run bench` exits 1) when a command fails
 * or a budget in OFFLINE_BUDGETS breaks.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { sheetDef } from "../../src/domain/schema";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { zipEntries } from "../office/reports/ooxml";
import { writeJson } from "./report";
import { benchDivisions, scaledRegistry } from "./scaled-registry";

const ROOT = join(__dirname, "../..");
const CLI = join(ROOT, "dist/cli/genki.js");
const OUT = join(ROOT, "out/bench/offline.json");
const SCALES = process.env.GENKI_BENCH_1000 === "0" ? [1, 10, 100] : [1, 10, 100, 1000];
/**
 * The offline budgets, all in one place. DESIGN.md: "offline commands at 1000x: ≤ 3× the time to
 * only read the .xlsx, < 1 GB peak memory, linear growth"; issue 12: .docx and .pptx written
 * compressed. Checked for every command the bench runs: report, deck, validate (which rewrites
 * ダッシュボード) and remind --dry-run. Sending reminders and validate --annotate load the whole
 * workbook and are not measured here.
 */
const OFFLINE_BUDGETS = {
  /** the commands the budgets apply to */
  commands: ["validate", "remind --dry-run", "report", "deck"],
  /** the scale the time and memory budgets apply at */
  scale: 1000,
  /** ≤ this many times the read floor measured in the same run */
  floorRatio: 3,
  /** peak RSS below this many MB */
  peakMb: 1024,
  /**
   * linear growth: from one measured scale to the next (×10), the time may grow at most this
   * much (10 = exactly linear; the slack is for noise on a shared machine; fixed start-up
   * costs only make the growth smaller)
   */
  growthPerTenfold: 13,
  /** compressed: no part of a .docx/.pptx over this many bytes stored uncompressed */
  storedPartLimit: 1024,
} as const;

/** the due date of 平成26年度 第2四半期 in the scaled registry's plan */
const REMIND_DAY = "2014-10-15";

interface Row {
  readonly command: string;
  readonly scale: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly ratio: number;
  readonly ok: boolean;
  /** what the command wrote: bytes on disk, and the XML inside (.docx/.pptx) */
  readonly output?: OutputSize;
  readonly error?: string;
}

interface OutputSize {
  readonly files: number;
  readonly bytes: number;
  readonly xmlBytes: number;
  /** parts over OFFLINE_BUDGETS.storedPartLimit bytes stored without compression */
  readonly storedParts: readonly string[];
}

/** The .docx/.pptx files in `dir` with `ext`: sizes on disk and inside. */
function outputSize(dir: string, ext: string): OutputSize {
  const files = readdirSync(dir).filter((f) => f.endsWith(ext));
  let bytes = 0;
  let xmlBytes = 0;
  const storedParts: string[] = [];
  for (const f of files) {
    const path = join(dir, f);
    bytes += statSync(path).size;
    for (const part of zipEntries(readFileSync(path))) {
      xmlBytes += part.size;
      if (part.method === 0 && part.size > OFFLINE_BUDGETS.storedPartLimit)
        storedParts.push(`${f}: ${part.name}`);
    }
  }
  return { files: files.length, bytes, xmlBytes, storedParts };
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
    const commands: [string, string[], string?][] = [
      ["validate", ["validate", file, "--json"]],
      ["remind --dry-run", ["remind", file, "--today", REMIND_DAY, "--dry-run", "--json"]],
      ["report", ["report", file, "--fy", "2012", "--out", join(dir, "report")], ".docx"],
      ["deck", ["deck", file, "--fy", "2012", "--out", join(dir, "deck")], ".pptx"],
    ];
    for (const [command, args, ext] of commands) {
      const r = timed([CLI, ...args]);
      // validate exits 1 when it finds problems (the scaled registry has some on purpose)
      const ok = r.ok || (command === "validate" && /exit 1:/.test(r.error));
      const output = ok && ext ? outputSize(args[args.length - 1] ?? dir, ext) : undefined;
      const row: Row = {
        command,
        scale,
        seconds: r.seconds,
        peakMb: r.peakMb,
        ratio: r.seconds / floor.seconds,
        ok,
        ...(output ? { output } : {}),
        ...(ok ? {} : { error: r.error }),
      };
      rows.push(row);
      if (!ok) failures.push(`${command} at ${scale}x failed: ${r.error}`);
      else failures.push(...budgetProblems(row));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The budgets one measurement breaks (growth is checked against the scale before it). */
function budgetProblems(row: Row): string[] {
  const b = OFFLINE_BUDGETS;
  if (!(b.commands as readonly string[]).includes(row.command)) return [];
  const at = `${row.command} at ${row.scale}x`;
  const problems: string[] = [];
  if (row.scale === b.scale && row.ratio > b.floorRatio)
    problems.push(`${at}: ${row.ratio.toFixed(2)}× the read floor (≤ ${b.floorRatio}×)`);
  if (row.scale === b.scale && !(row.peakMb < b.peakMb))
    problems.push(`${at}: peak ${Math.round(row.peakMb)} MB (< ${b.peakMb} MB)`);
  const before = rows.find((r) => r.command === row.command && r.scale * 10 === row.scale && r.ok);
  // below 1 s start-up dominates: growth is judged between scales that take real time
  if (before && before.seconds >= 1 && row.seconds / before.seconds > b.growthPerTenfold)
    problems.push(
      `${at}: ${(row.seconds / before.seconds).toFixed(1)}× the time at ${before.scale}x (≤ ${b.growthPerTenfold}× per tenfold: linear)`,
    );
  if (row.output?.files === 0) problems.push(`${at}: wrote no file`);
  if (row.output && row.output.storedParts.length > 0)
    problems.push(
      `${at}: parts stored uncompressed: ${row.output.storedParts.slice(0, 3).join(", ")}`,
    );
  return problems;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
  const outputs = rows.filter((r) => r.output);
  const width = Math.max(...commands.map((c) => c.length));
  const column = 30;
  return [
    "",
    "genki CLI offline, each command its own process: ratio to the floor (a process that only reads",
    `the same .xlsx with exceljs) measured in the same run, time, and peak memory (maxRSS).${SCALES.includes(1000) ? "" : " 1000x left out (GENKI_BENCH_1000=0)."}`,
    `Budgets for ${OFFLINE_BUDGETS.commands.join(", ")}: ≤ ${OFFLINE_BUDGETS.floorRatio}× the floor and < ${OFFLINE_BUDGETS.peakMb} MB at ${OFFLINE_BUDGETS.scale}x, ≤ ${OFFLINE_BUDGETS.growthPerTenfold}× per tenfold, compressed outputs.`,
    `${"command".padEnd(width)}  ${scales.map((s) => `${s}x`.padEnd(column)).join("")}`,
    ...commands.map(
      (c) => `${c.padEnd(width)}  ${scales.map((s) => cell(c, s).padEnd(column)).join("")}`,
    ),
    "Outputs (on disk / XML inside):",
    ...outputs.map(
      (r) =>
        `  ${r.command} at ${r.scale}x: ${r.output?.files} file(s), ${mb(r.output?.bytes ?? 0)} / ${mb(r.output?.xmlBytes ?? 0)}`,
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
