/**
 * The state every fake service shares: clock, ledger, faults, settings, id counters and logs.
 * `call` is the single choke point of every ledgered service method.
 */
import type { FakeClock } from "./clock";
import { SheetsCostModel } from "./costs";
import { GasError } from "./errors";
import type { Faults } from "./faults";
import type { Ledger, LedgerEntry, ServiceName } from "./ledger";
import { LIMITED_SCOPES, permissionMessage, requiredScopes } from "./scopes";

export interface CallInfo {
  detail?: string;
  sheet?: string;
  cells?: number;
  /** overrides the table's cost (Utilities.sleep) */
  ms?: number;
}

export interface LogLine {
  level: "log" | "info" | "warn" | "error";
  message: string;
}

export interface RuntimeSettings {
  timeZone: string;
  user: string;
  scriptId: string;
  /** allow getRange beyond the sheet's size (real GAS throws) */
  lenientDimensions: boolean;
  /** oauthScopes of the built manifest (dist/appsscript.json) */
  oauthScopes: readonly string[];
}

/**
 * One execution of the script: whose authority it runs with, in which authorization mode, and
 * its time limit. Simple triggers: AuthMode.LIMITED, 30 s; menu runs, installable and
 * time-driven triggers: AuthMode.FULL, 6 minutes.
 * https://developers.google.com/apps-script/guides/triggers#restrictions
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
export interface Execution {
  /** the effective user: the person at the menu, or the owner of an installable trigger */
  user: string;
  /** Session.getActiveUser(): "" where Google hides it (an editor outside the owner's domain) */
  activeUser: string;
  authMode: "FULL" | "LIMITED";
  startedAt: number;
  limitMs: number;
}

/** Script runtime per execution (Workspace and consumer accounts alike). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** Simple triggers "cannot run for longer than 30 seconds". */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

export class Runtime {
  readonly logs: LogLine[] = [];
  private counters = new Map<string, number>();
  private open: LedgerEntry[] = [];
  /** the running execution; tests that never start one run FULL, with no time limit */
  execution: Execution;
  /** GAS's spreadsheet write buffer and look-ahead cache, for the clock */
  readonly sheetsCost = new SheetsCostModel();
  /** sub-millisecond charges carried over, so entries stay whole ms without losing time */
  private carry = 0;

  constructor(
    readonly clock: FakeClock,
    readonly ledger: Ledger,
    readonly faults: Faults,
    readonly settings: RuntimeSettings,
  ) {
    this.execution = {
      user: settings.user,
      activeUser: settings.user,
      authMode: "FULL",
      startedAt: clock.nowMs(),
      limitMs: Number.POSITIVE_INFINITY,
    };
  }

  /** throws GAS's permission error when the execution holds none of the method's scopes */
  authorize(service: ServiceName, method: string): void {
    const needed = requiredScopes(service, method);
    if (needed.length === 0) return;
    // LIMITED runs without anyone's authorization: only what needs none beyond the bound file
    const granted =
      this.execution.authMode === "LIMITED" ? LIMITED_SCOPES : this.settings.oauthScopes;
    const ok = needed.some((s) => granted.includes(s));
    if (!ok) throw new GasError(permissionMessage(method, needed));
  }

  /** GAS stops an execution that runs past its limit */
  checkDeadline(): void {
    const e = this.execution;
    if (this.clock.nowMs() - e.startedAt > e.limitMs) {
      throw new GasError("Exceeded maximum execution time");
    }
  }

  /** records the call, charges its latency, applies due faults, then runs `body` */
  call<T>(service: ServiceName, method: string, body: () => T, info: CallInfo = {}): T {
    const { call, cost, commit } = this.sheetsCost.charge(method, info.cells ?? 0, info.sheet);
    if (commit > 0) this.recordCommit(commit, method);
    const charged = info.ms ?? this.whole(call.ms);
    const entry = this.ledger.record({
      service,
      method,
      ms: charged,
      cheap: cost.cheap === true,
      at: this.clock.nowMs(),
      ...(info.detail === undefined ? {} : { detail: info.detail }),
      ...(info.sheet === undefined ? {} : { sheet: info.sheet }),
      ...(info.cells === undefined ? {} : { cells: info.cells }),
      ...(cost.kind === undefined ? {} : { kind: cost.kind }),
      ...(info.ms === undefined && Object.keys(call.assumed).length > 0
        ? { assumed: call.assumed }
        : {}),
    });
    this.clock.advance(charged);
    this.open.push(entry);
    try {
      this.checkDeadline();
      this.authorize(service, method);
      this.faults.check(method);
      return body();
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.open.pop();
    }
  }

  /** the end of an execution: GAS commits what is still buffered */
  endExecution(): void {
    const ms = this.sheetsCost.endExecution();
    if (ms > 0) this.recordCommit(ms, "end of execution");
    this.carry = 0;
  }

  /** the write-buffer commit a read, a flush or the end of the execution forced (not a call) */
  private recordCommit(ms: number, cause: string): void {
    const charged = this.whole(ms);
    this.ledger.record({
      service: "SpreadsheetApp",
      method: "SpreadsheetApp.commit",
      detail: cause,
      ms: charged,
      cheap: true,
      at: this.clock.nowMs(),
    });
    this.clock.advance(charged);
  }

  private whole(ms: number): number {
    const exact = ms + this.carry;
    const rounded = Math.round(exact);
    this.carry = exact - rounded;
    return rounded;
  }

  /** time spent waiting inside the current call (a held lock): clock and ledger both move */
  wait(ms: number): void {
    const entry = this.open[this.open.length - 1];
    if (entry) entry.ms += ms;
    this.clock.advance(ms);
  }

  /** deterministic ids: "doc-1", "doc-2", ... */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  log(level: LogLine["level"], message: string): void {
    this.logs.push({ level, message });
  }
}
