/**
 * `npm run bench`: service calls, reads, writes and projected GAS seconds of each use case at
 * 1x, 10x and 100x the seed plan (14 / 140 / 1,400 取組), run through dist/Code.js in the GAS
 * fake, next to a naive per-cell full check on the same registry. Prints a table and writes
 * out/bench/bench.json. Asserts nothing about wall-clock time; it only has to finish.
 */
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { isAppMark } from "../../src/domain/annotations";
import { columnLetters } from "../../src/domain/problem";
import { SHEETS, sheetKeyOfName } from "../../src/domain/schema";
import { buildEditContext } from "../../src/domain/validate/edit";
import type { GasFake } from "../gas-fake";
import { loadBundle } from "../support/bundle";
import {
  EXECUTION_LIMIT_MS,
  fitBudget,
  type Measurement,
  measurement,
  perSheetBudget,
  run,
} from "./measure";
import { naiveFullCheck } from "./naive-check";
import { seconds, table, writeJson } from "./report";
import {
  BENCH_NOW,
  DELIBERATE_PROBLEMS,
  fillRegistry,
  type ScaledRegistry,
  scaledRegistry,
} from "./scaled-registry";

const SCALES = [1, 10, 100] as const;
const OUT = join(__dirname, "../../out/bench/bench.json");
const STAFF = "jinji@city.fujieda.example";
/** CacheService's largest value; src/gas/edit-support.ts skips the cache above it. */
const CACHE_VALUE_LIMIT = 100_000;

const ORDER = [
  "setup",
  "validate",
  "validate-naive",
  "onEdit-cold",
  "onEdit",
  "onEditInstalled",
  "dashboard",
  "setup-rerun",
];

const results: Measurement[] = [];
const findings: string[] = [];
const observations: string[] = [];

const fmt = (n: number) => n.toLocaleString("en-US");

function isEditable(name: string): boolean {
  const def = SHEETS.find((s) => s.key === sheetKeyOfName(name));
  return def !== undefined && !def.appOwned;
}

/** Cells carrying the app's mark over every tab people edit (read without the ledger). */
function markedCells(fake: GasFake): number {
  let n = 0;
  for (const { name } of fake.spreadsheet.sheets) {
    if (!isEditable(name)) continue;
    const values = fake.values(name);
    const width = Math.max(1, ...values.map((r) => r.length));
    const cells = fake.inspect(name, `A1:${columnLetters(width)}${Math.max(1, values.length)}`);
    for (const row of cells) for (const c of row) if (isAppMark(c.note)) n++;
  }
  return n;
}

function noteOn(fake: GasFake, sheet: string, a1: string): string {
  return fake.inspect(sheet, a1)[0]?.[0]?.note ?? "";
}

/** Length of the JSON the onEdit path caches, for the registry as it is now. */
function cachedContextLength(fake: GasFake): number {
  const sheets = fake.spreadsheet.sheets.map(({ name }) => ({ name, values: fake.values(name) }));
  return JSON.stringify(buildEditContext(sheets)).length;
}

function sizes(data: ScaledRegistry) {
  return { scale: data.scale, measures: data.measures.length, progressRows: data.progress.length };
}

function ourUseCases(data: ScaledRegistry): void {
  const size = sizes(data);
  const { fake, call } = loadBundle({ now: BENCH_NOW });

  // 初期設定 on a blank spreadsheet. It always writes the bundled plan, so it is the same at
  // every scale; it runs at each one to show that.
  const setup = run(fake, () => call("menuSetup"));
  const setValues = new Map<string, number>();
  for (const e of setup.slice.entries) {
    if (e.method === "Range.setValues" && e.sheet)
      setValues.set(e.sheet, (setValues.get(e.sheet) ?? 0) + 1);
  }
  const setupReads = setup.slice.reads().length;
  results.push(
    measurement(setup, {
      key: "setup",
      useCase: "初期設定 (blank sheet)",
      ...size,
      budgetProblems: [
        ...[...setValues].filter(([, n]) => n > 1).map(([s, n]) => `${s}: ${n} setValues (≤ 1)`),
        ...(setupReads > 0 ? [`${setupReads} reads (0)`] : []),
        ...fitBudget(setup.projectedMs),
      ],
      note: "writes the bundled plan (14 取組) whatever the scale",
    }),
  );

  fillRegistry(fake, data);

  // 全体チェック on the filled registry
  const validate = run(fake, () => call("menuValidate"));
  const marks = markedCells(fake);
  const expected = DELIBERATE_PROBLEMS.length * data.scale;
  const formatReads = validate.slice.reads().length - validate.slice.count("Range.getValues");
  results.push(
    measurement(validate, {
      key: "validate",
      useCase: "全体チェック (menuValidate)",
      ...size,
      budgetProblems: [...perSheetBudget(validate.slice, 3), ...fitBudget(validate.projectedMs)],
      note: `${marks} cells marked (${expected} deliberate problems seeded); ${validate.slice.count("Range.getValues")} getValues (one per tab) + ${formatReads} getNotes/getBackgrounds`,
    }),
  );
  if (marks !== expected) {
    findings.push(
      `${data.scale}x 全体チェック marked ${marks} cells; the bench seeded ${expected} deliberate problems.`,
    );
  }

  // onEdit of one cell. The first one after the registry changed rebuilds the cached context
  // (whole-tab reads); the next ones are the everyday case the budget is about.
  const contextLength = cachedContextLength(fake);
  const cold = run(fake, () => call("onEdit", fake.edit("進捗", `D${data.editRow}`, "１２件")));
  const coldMarked = isAppMark(noteOn(fake, "進捗", `D${data.editRow}`));
  results.push(
    measurement(cold, {
      key: "onEdit-cold",
      useCase: "onEdit 1 cell (cold cache)",
      ...size,
      budgetProblems: fitBudget(cold.projectedMs),
      note: `進捗!D${data.editRow}「１２件」${coldMarked ? "marked" : "NOT marked"}; cache miss reads every tab, then caches ${fmt(contextLength)} chars (limit ${fmt(CACHE_VALUE_LIMIT)})`,
    }),
  );
  if (contextLength >= CACHE_VALUE_LIMIT) {
    findings.push(
      `${data.scale}x: the onEdit context is ${fmt(contextLength)} chars, over CacheService's ${fmt(CACHE_VALUE_LIMIT)}; every onEdit re-reads every tab.`,
    );
  }
  const warm = run(fake, () => call("onEdit", fake.edit("進捗", `E${data.editRow}`, "S")));
  const warmMarked = isAppMark(noteOn(fake, "進捗", `E${data.editRow}`));
  const warmCalls = warm.slice.calls();
  const warmValueReads = warm.slice.count("Range.getValues");
  results.push(
    measurement(warm, {
      key: "onEdit",
      useCase: "onEdit 1 cell",
      ...size,
      budgetProblems: [
        ...(warmCalls.length > 4 ? [`${warmCalls.length} calls (≤ 4)`] : []),
        ...(warmValueReads > 0 ? [`${warmValueReads} whole-range reads (0)`] : []),
        ...(warmMarked ? [] : ["bad cell not marked"]),
        ...fitBudget(warm.projectedMs),
      ],
      note: `進捗!E${data.editRow}「S」${warmMarked ? "marked" : "NOT marked"}: ${warmCalls.map((c) => c.method).join(", ")}`,
    }),
  );
  if (!coldMarked)
    findings.push(`${data.scale}x onEdit (cold) did not mark 進捗!D${data.editRow}.`);

  // The installable trigger on a staff edit of the same row (変更履歴, the 確認済 lock).
  const installed = run(fake, () =>
    call(
      "onEditInstalled",
      fake.edit("進捗", `I${data.editRow}`, "次期も継続します。", {
        user: STAFF,
        authMode: "FULL",
      }),
    ),
  );
  results.push(
    measurement(installed, {
      key: "onEditInstalled",
      useCase: "onEditInstalled 1 cell",
      ...size,
      budgetProblems: fitBudget(installed.projectedMs),
      note: `${installed.slice
        .calls()
        .map((c) => c.method)
        .join(", ")} (DESIGN sets no call budget)`,
    }),
  );

  // ダッシュボード更新
  const dashboard = run(fake, () => call("menuDashboard"));
  const total = fake.values("ダッシュボード").at(-1);
  const dashboardOk = total?.[0] === "合計" && total[2] === data.measures.length;
  results.push(
    measurement(dashboard, {
      key: "dashboard",
      useCase: "ダッシュボード更新 (menuDashboard)",
      ...size,
      budgetProblems: [
        ...perSheetBudget(dashboard.slice, 1),
        ...(dashboardOk ? [] : ["合計 line does not count every 取組"]),
        ...fitBudget(dashboard.projectedMs),
      ],
      note: `合計 line ${JSON.stringify(total ?? null)}`,
    }),
  );

  // 初期設定 again, on the filled registry: reformats and re-applies dropdowns to every row.
  const rerun = run(fake, () => call("menuSetup"));
  results.push(
    measurement(rerun, {
      key: "setup-rerun",
      useCase: "初期設定 again (filled)",
      ...size,
      budgetProblems: [
        ...perSheetBudget(rerun.slice, Number.POSITIVE_INFINITY),
        ...fitBudget(rerun.projectedMs),
      ],
      note: `${fake.ui.alerts.at(-1)?.message.split("\n")[0] ?? ""}`,
    }),
  );
}

function naiveUseCase(data: ScaledRegistry): void {
  const { fake, call } = loadBundle({ now: BENCH_NOW });
  call("menuSetup");
  fake.endExecution();
  fillRegistry(fake, data);
  let result = { cells: 0, marks: 0, problems: 0 };
  const naive = run(fake, () => {
    result = naiveFullCheck(fake.services, fake.clock.now());
  });
  results.push(
    measurement(naive, {
      key: "validate-naive",
      useCase: "全体チェック NAIVE per-cell",
      ...sizes(data),
      note: `${fmt(result.cells)} cells read with one getValue() each; ${result.marks} marks written with setNote + setBackground each (run in full, not extrapolated)`,
    }),
  );
}

function compareAcrossScales(): void {
  const validate = results.filter((m) => m.key === "validate");
  const base = validate.find((m) => m.scale === 1);
  for (const m of validate) {
    if (base && m.calls !== base.calls) {
      findings.push(
        `全体チェック calls depend on rows: ${m.calls} at ${m.scale}x vs ${base.calls} at 1x (DESIGN: independent of rows).`,
      );
    }
  }
  for (const m of results) {
    if (m.outcome !== "ok") findings.push(`${m.useCase} at ${m.scale}x FAILED: ${m.outcome}`);
    else if (m.budget !== "ok" && m.budget !== "-") {
      findings.push(`${m.useCase} at ${m.scale}x breaks its budget: ${m.budget}`);
    }
  }
  const slowestEdit = Math.max(
    ...results.filter((m) => m.key.startsWith("onEdit")).map((m) => m.projectedMs),
  );
  observations.push(
    `onEdit is a simple trigger, limited to 30 s rather than 6 min: its slowest run here (cache miss) took ${seconds(slowestEdit)} s.`,
  );
  const v1 = validate.find((m) => m.scale === 1);
  const v100 = validate.find((m) => m.scale === 100);
  if (v1 && v100) {
    const perRow = (v100.projectedMs - v1.projectedMs) / (v100.progressRows - v1.progressRows);
    const rows = v1.progressRows + (EXECUTION_LIMIT_MS - v1.projectedMs) / perRow;
    observations.push(
      `全体チェック grows by ${perRow.toFixed(2)} ms per 進捗 row (whole-tab getNotes/getBackgrounds/setNotes/setBackgrounds): it would reach 6 min at about ${fmt(Math.round(rows / 100) * 100)} 進捗 rows (~${Math.round(rows / v1.progressRows)}x).`,
    );
  }
}

function summary(): string {
  const sorted = [...results].sort(
    (a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key) || a.scale - b.scale,
  );
  return [
    "",
    `genki-plan bench: dist/Code.js in the GAS fake, clock at ${BENCH_NOW}`,
    "calls = service calls (ledger entries not flagged cheap); reads / writes = content reads and",
    "content/format writes; projected s = fake clock advance = charged ms (test/gas-fake/costs.ts);",
    "budget = DESIGN.md's budget for the case (- = none set).",
    "",
    table(sorted),
    "",
    "全体チェック, naive per-cell vs ours:",
    ...SCALES.map((scale) => {
      const ours = sorted.find((m) => m.key === "validate" && m.scale === scale);
      const naive = sorted.find((m) => m.key === "validate-naive" && m.scale === scale);
      if (!ours || !naive) return `  ${scale}x: n/a`;
      const ratio = Math.round(naive.projectedMs / Math.max(1, ours.projectedMs));
      return `  ${scale}x: ${fmt(naive.calls)} vs ${ours.calls} calls, ${seconds(naive.projectedMs)} s vs ${seconds(ours.projectedMs)} s (${ratio}x slower)`;
    }),
    "",
    "Notes:",
    ...sorted.filter((m) => m.note).map((m) => `  ${m.useCase} ${m.scale}x: ${m.note}`),
    `  Deliberate problems, one each per 14 取組: ${DELIBERATE_PROBLEMS.join(", ")}.`,
    "  The cost table charges every Range.getValue() a full read round trip (175 ms); real GAS may",
    "  serve repeated reads from its cache when no write intervenes, so the naive read time is an",
    "  upper bound. Its per-cell writes (7 ms each, Google's best-practices figure) are not.",
    ...observations.map((o) => `  ${o}`),
    "",
    findings.length === 0 ? "Budget problems: none" : "Budget problems:",
    ...findings.map((f) => `  - ${f}`),
    "",
    `JSON: ${OUT}`,
  ].join("\n");
}

describe("bench", () => {
  afterAll(() => {
    compareAcrossScales();
    console.log(summary());
    writeJson(OUT, {
      generatedAt: new Date().toISOString(),
      fakeNow: BENCH_NOW,
      executionLimitSeconds: EXECUTION_LIMIT_MS / 1000,
      costModel: "test/gas-fake/costs.ts",
      deliberateProblemsPer14Measures: DELIBERATE_PROBLEMS,
      rows: results,
      observations,
      findings,
    });
  });

  for (const scale of SCALES) {
    it(`use cases at ${scale}x`, () => {
      ourUseCases(scaledRegistry(scale));
    });
    it(`naive full check at ${scale}x`, () => {
      naiveUseCase(scaledRegistry(scale));
    });
  }
});
