/**
 * The simple onEdit path with the cost of loading dist/Code.js, which GAS parses and runs for
 * every execution, every simple trigger included. The fake's ledger sees only service calls, so
 * the load is added here:
 *
 * BUNDLE_LOAD_MS_PER_KB is an ASSUMPTION (no published measurement of Apps Script's script load
 * time per KB was found): 1 ms per KB of source, parse + compile + top-level run, i.e. V8 at
 * about 1 MB/s, a slow-device figure, where Node on this machine does it several times faster
 * (localMs, measured below and printed next to it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createContext, Script } from "node:vm";
import { createGasFake } from "../gas-fake";
import { DIST, loadBundle } from "../support/bundle";
import { fitBudget, type Measurement, measurement, run } from "./measure";
import { BENCH_NOW, fillRegistry, type ScaledRegistry } from "./scaled-registry";

export const BUNDLE_LOAD_MS_PER_KB = 1;
/** DESIGN: dist/Code.js ≤ 200 KB */
export const BUNDLE_BUDGET_BYTES = 200 * 1024;
/** simple triggers may run 30 s (https://developers.google.com/apps-script/guides/triggers#restrictions) */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

export interface BundleLoad {
  readonly bytes: number;
  /** projected GAS load time (assumption above) */
  readonly projectedMs: number;
  /** compile + top-level run of Code.js in a Node vm here, median of 5 */
  readonly localMs: number;
}

export function bundleLoad(): BundleLoad {
  const code = readFileSync(join(DIST, "Code.js"), "utf8");
  const bytes = Buffer.byteLength(code, "utf8");
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = createContext({ ...createGasFake().globals });
    const t0 = performance.now();
    new Script(code, { filename: `Code-${i}.js` }).runInContext(context);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    bytes,
    projectedMs: Math.round((bytes / 1024) * BUNDLE_LOAD_MS_PER_KB),
    localMs: Math.round((times[2] ?? 0) * 10) / 10,
  };
}

/**
 * One staff edit through the simple onEdit (the everyday case: the edit context is cached by an
 * earlier edit), with the bundle load added to the execution's time.
 */
export function simpleOnEditWithLoad(data: ScaledRegistry, load: BundleLoad): Measurement {
  const { fake, call } = loadBundle({ now: BENCH_NOW });
  call("menuSetup");
  fake.endExecution();
  fillRegistry(fake, data);
  run(fake, () => call("onEdit", fake.edit("進捗", `D${data.editRow}`, "１２件"))); // fills the cache
  const edit = run(fake, () => call("onEdit", fake.edit("進捗", `E${data.editRow}`, "S")));
  const calls = edit.slice.calls();
  const total = { ...edit, projectedMs: edit.projectedMs + load.projectedMs };
  return measurement(total, {
    key: "onEdit-simple+load",
    useCase: "onEdit 1 cell + bundle load",
    scale: data.scale,
    measures: data.measures.length,
    progressRows: data.progress.length,
    budgetProblems: [
      ...(calls.length > 4 ? [`${calls.length} calls (≤ 4)`] : []),
      ...(edit.slice.count("Range.getValues") > 0 ? ["whole-range reads (0)"] : []),
      ...(load.bytes > BUNDLE_BUDGET_BYTES
        ? [`dist/Code.js ${load.bytes} bytes (≤ ${BUNDLE_BUDGET_BYTES})`]
        : []),
      ...(total.projectedMs > SIMPLE_TRIGGER_LIMIT_MS
        ? [`${(total.projectedMs / 1000).toFixed(1)} s > 30 s (simple trigger)`]
        : []),
      ...fitBudget(total.projectedMs),
    ],
    note: `dist/Code.js ${(load.bytes / 1024).toFixed(1)} KB: load ${load.projectedMs} ms projected (ASSUMPTION ${BUNDLE_LOAD_MS_PER_KB} ms/KB; ${load.localMs} ms in Node here) + ${edit.projectedMs} ms of service calls (${calls.map((c) => c.method).join(", ")})`,
  });
}
