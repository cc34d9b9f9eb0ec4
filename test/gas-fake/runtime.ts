/**
 * The state every fake service shares: clock, ledger, faults, settings, id counters and logs.
 * `call` is the single choke point of every ledgered service method.
 */
import type { FakeClock } from "./clock";
import { callCost } from "./costs";
import type { Faults } from "./faults";
import type { Ledger, LedgerEntry, ServiceName } from "./ledger";

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
}

export class Runtime {
  readonly logs: LogLine[] = [];
  private counters = new Map<string, number>();
  private open: LedgerEntry[] = [];

  constructor(
    readonly clock: FakeClock,
    readonly ledger: Ledger,
    readonly faults: Faults,
    readonly settings: RuntimeSettings,
  ) {}

  /** records the call, charges its latency, applies due faults, then runs `body` */
  call<T>(service: ServiceName, method: string, body: () => T, info: CallInfo = {}): T {
    const { ms, cost } = callCost(method, info.cells ?? 0);
    const charged = info.ms ?? ms;
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
    });
    this.clock.advance(charged);
    this.open.push(entry);
    try {
      this.faults.check(method);
      return body();
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.open.pop();
    }
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
