/** One use case measured in the fake: the ledger slice of its run and what it costs in GAS time. */
import { type GasFake, LedgerView } from "../gas-fake";

/** One GAS execution may run 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface Measurement {
  /** stable key: setup, validate, validate-naive, onEdit-cold, onEdit, onEditInstalled,
   * dashboard, setup-rerun, reminders, reminders-all, pillarDocs, deck */
  readonly key: string;
  readonly useCase: string;
  readonly scale: number;
  readonly measures: number;
  readonly progressRows: number;
  /** service calls: ledger entries not flagged cheap (DESIGN's budgets count these) */
  readonly calls: number;
  /** content reads (getValues, getValue, getNotes, getBackgrounds, ...) */
  readonly reads: number;
  /** content and format writes (setValues, setNotes, setBackgrounds, setNote, ...) */
  readonly writes: number;
  /** Range.getValues calls: whole-tab reads */
  readonly valueReads: number;
  /** PropertiesService calls (getProperty, setProperty, deleteProperty, ...) */
  readonly propertyCalls: number;
  /** GAS executions the use case took (follow-up triggers included) */
  readonly executions: number;
  /** projected GAS time: what the fake clock advanced (the ledger's charged ms), summed over
   * the executions when there were several */
  readonly projectedMs: number;
  /** the longest single execution (equals projectedMs for one execution) */
  readonly longestExecutionMs: number;
  /** the ledger's total charged ms of the slice (equals projectedMs unless a lock wait is charged) */
  readonly ledgerMs: number;
  /** every execution stayed within GAS's 6 minutes */
  readonly fitsOneExecution: boolean;
  /** "ok", or what went wrong (a failure dialog, an error logged by a trigger) */
  readonly outcome: string;
  /** "ok", "-" (no budget in DESIGN), or the budgets the run broke */
  readonly budget: string;
  /** calls per method, for the JSON */
  readonly callsByMethod: Readonly<Record<string, number>>;
  /** ms of projectedMs resting on each assumption of the cost model (costs.ts ASSUMPTIONS) */
  readonly assumedMs: Readonly<Record<string, number>>;
  readonly note?: string;
}

export interface Run {
  readonly slice: LedgerView;
  readonly projectedMs: number;
  readonly outcome: string;
  /** projected ms of each execution, when the run is several combined (see combineRuns) */
  readonly executionsMs?: readonly number[];
}

const FAILURE_TEXT = ["を完了できませんでした", "ほかの処理が実行中です"];

/** An error's message; errors from the bundle's vm context are not `instanceof Error` here. */
function messageOf(e: unknown): string {
  if (typeof e === "object" && e !== null && "message" in e) return String(e.message);
  return String(e);
}

/** Starts one execution; the returned function ends it and slices what happened in between. */
function begin(fake: GasFake): (thrown?: { readonly error: unknown }) => Run {
  const mark = fake.ledger.mark();
  const start = fake.clock.nowMs();
  const alerts = fake.ui.alerts.length;
  const logs = fake.logs.length;
  return (thrown) => {
    fake.endExecution();
    const projectedMs = fake.clock.nowMs() - start;
    const failures = [
      ...(thrown === undefined ? [] : [`threw: ${messageOf(thrown.error)}`]),
      ...fake.ui.alerts
        .slice(alerts)
        .filter((a) => FAILURE_TEXT.some((t) => a.message.includes(t)))
        .map((a) => `dialog: ${a.message.replace(/\s+/g, " ")}`),
      ...fake.logs
        .slice(logs)
        .filter((l) => l.level === "error")
        .map((l) => `logged error: ${l.message.replace(/\s+/g, " ")}`),
    ];
    // A frozen copy: the bench's own look-ups after the run must not join the slice.
    const entries = fake.ledger.since(mark).all();
    return {
      slice: new LedgerView(() => entries),
      projectedMs,
      outcome: failures.length === 0 ? "ok" : failures.join(" | "),
    };
  };
}

/** Runs `fn` as one execution and returns its ledger slice, clock advance and outcome. */
export function run(fake: GasFake, fn: () => void): Run {
  const end = begin(fake);
  try {
    fn();
  } catch (error) {
    return end({ error });
  }
  return end();
}

/**
 * Runs `fn` as one execution and awaits what it returns: the async top-level functions of the
 * bundle (reminders, reports) hand back a Promise, and the execution ends when it settles.
 */
export async function runAsync(fake: GasFake, fn: () => unknown): Promise<Run> {
  const end = begin(fake);
  try {
    await fn();
  } catch (error) {
    return end({ error });
  }
  return end();
}

/** Several executions of one use case (a run and its follow-up triggers) as one Run. */
export function combineRuns(runs: readonly Run[]): Run {
  const entries = runs.flatMap((r) => r.slice.all());
  const outcomes = runs.map((r) => r.outcome).filter((o) => o !== "ok");
  return {
    slice: new LedgerView(() => entries),
    projectedMs: runs.reduce((sum, r) => sum + r.projectedMs, 0),
    outcome: outcomes.length === 0 ? "ok" : outcomes.join(" | "),
    executionsMs: runs.flatMap((r) => r.executionsMs ?? [r.projectedMs]),
  };
}

export interface Describe {
  readonly key: string;
  readonly useCase: string;
  readonly scale: number;
  readonly measures: number;
  readonly progressRows: number;
  /** broken budgets, as short texts; undefined when DESIGN sets no budget for the case */
  readonly budgetProblems?: readonly string[];
  readonly note?: string;
}

export function measurement(r: Run, d: Describe): Measurement {
  const calls = r.slice.calls();
  const executions = r.executionsMs ?? [r.projectedMs];
  const budget =
    d.budgetProblems === undefined
      ? "-"
      : d.budgetProblems.length === 0
        ? "ok"
        : d.budgetProblems.join("; ");
  return {
    key: d.key,
    useCase: d.useCase,
    scale: d.scale,
    measures: d.measures,
    progressRows: d.progressRows,
    calls: calls.length,
    reads: r.slice.reads().length,
    writes: r.slice.writes().length,
    valueReads: r.slice.count("Range.getValues"),
    propertyCalls: calls.filter((c) => c.service === "PropertiesService").length,
    executions: executions.length,
    projectedMs: r.projectedMs,
    longestExecutionMs: Math.max(...executions),
    ledgerMs: r.slice.totalMs(),
    fitsOneExecution: executions.every((ms) => ms <= EXECUTION_LIMIT_MS),
    outcome: r.outcome,
    budget,
    callsByMethod: r.slice.countBy(),
    assumedMs: r.slice.assumedMs(),
    ...(d.note === undefined ? {} : { note: d.note }),
  };
}

/** Whole-tab value reads beyond one per tab, and tabs written more than `maxWrites` times. */
export function perSheetBudget(slice: LedgerView, maxWrites: number): string[] {
  const problems: string[] = [];
  const reads = new Map<string, number>();
  for (const e of slice.entries) {
    if (e.method === "Range.getValues" && e.sheet)
      reads.set(e.sheet, (reads.get(e.sheet) ?? 0) + 1);
  }
  for (const [sheet, n] of reads) if (n > 1) problems.push(`${sheet}: ${n} value reads (≤ 1)`);
  const writes = new Map<string, number>();
  for (const e of slice.writes()) {
    if (e.sheet) writes.set(e.sheet, (writes.get(e.sheet) ?? 0) + 1);
  }
  for (const [sheet, n] of writes) {
    if (n > maxWrites) problems.push(`${sheet}: ${n} writes (≤ ${maxWrites})`);
  }
  return problems;
}

export function fitBudget(projectedMs: number): string[] {
  return projectedMs <= EXECUTION_LIMIT_MS
    ? []
    : [`${(projectedMs / 1000).toFixed(1)} s > 360 s (one execution)`];
}

/** fitBudget for every execution of a (possibly combined) run. */
export function fitsEachExecution(r: Run): string[] {
  return (r.executionsMs ?? [r.projectedMs]).flatMap(fitBudget);
}
