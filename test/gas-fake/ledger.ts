/**
 * The call ledger: one entry per call of a fake service method ("Class.method"), in order.
 *
 * What counts as a "service call" (DESIGN's budgets): every entry that is not `cheap`.
 * Cheap entries are pure metadata on objects the code already holds (getName, getLastRow,
 * getSheetByName, getRange, Range.getRow/getNumRows/getA1Notation, ...), local builders
 * (newDataValidation, trigger builders before create) and local utilities (formatDate, ...).
 * They are recorded and charged a small cost (see costs.ts) but left out of calls()/count().
 * Not recorded at all: enum property reads, Logger.log and console.* (captured in fake.logs),
 * and the fake's own test helpers (edit(), inspect(), ...).
 */
export type ServiceName =
  | "SpreadsheetApp"
  | "Ui"
  | "HtmlService"
  | "MailApp"
  | "DocumentApp"
  | "DriveApp"
  | "Slides"
  | "Docs"
  | "PropertiesService"
  | "LockService"
  | "CacheService"
  | "ScriptApp"
  | "Session"
  | "Utilities";

export interface LedgerEntry {
  /** increasing sequence number; mark() returns the next one */
  seq: number;
  service: ServiceName;
  /** "Class.method", e.g. "Range.getValues" */
  method: string;
  /** e.g. "進捗!A1:L200", a property key, a recipient */
  detail?: string;
  /** sheet name for spreadsheet calls */
  sheet?: string;
  /** cells touched (or Slides requests) */
  cells?: number;
  ms: number;
  cheap: boolean;
  kind?: "read" | "write";
  /** clock time (epoch ms) when the call started */
  at: number;
  /** the part of `ms` resting on each assumption of costs.ts (ASSUMPTIONS) */
  assumed?: Partial<Record<string, number>>;
  /** set when the call threw (an injected fault or a GAS-like error) */
  error?: string;
}

export type EntryPredicate = (entry: LedgerEntry) => boolean;

/** Query methods shared by the ledger and its slices. */
export class LedgerView {
  constructor(protected readonly source: () => readonly LedgerEntry[]) {}

  /** every entry, cheap ones included */
  get entries(): readonly LedgerEntry[] {
    return this.source();
  }

  all(): LedgerEntry[] {
    return [...this.source()];
  }

  /** the "service calls" of the budgets: entries not flagged cheap */
  calls(): LedgerEntry[] {
    return this.source().filter((e) => !e.cheap);
  }

  /**
   * count() = number of service calls (non-cheap); count("Range.getValues") = calls of that
   * method (cheap or not); count(predicate) = entries matching it.
   */
  count(methodOrPredicate?: string | EntryPredicate): number {
    if (methodOrPredicate === undefined) return this.calls().length;
    const match =
      typeof methodOrPredicate === "string"
        ? (e: LedgerEntry) => e.method === methodOrPredicate
        : methodOrPredicate;
    return this.source().filter(match).length;
  }

  /** calls per method; cheap entries only with includeCheap */
  countBy(options: { includeCheap?: boolean } = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.source()) {
      if (e.cheap && !options.includeCheap) continue;
      out[e.method] = (out[e.method] ?? 0) + 1;
    }
    return out;
  }

  /** content reads (getValues, getDisplayValues, getNotes, getBackgrounds, getFormulas,
   * getDataValidations, ...), optionally on one sheet */
  reads(sheetName?: string): LedgerEntry[] {
    return this.source().filter(
      (e) => e.kind === "read" && (sheetName === undefined || e.sheet === sheetName),
    );
  }

  /** content and format writes (setValues, setNotes, setBackgrounds, setDataValidations,
   * appendRow, setFontWeight, insertRows, clear..., insertSheet), optionally on one sheet */
  writes(sheetName?: string): LedgerEntry[] {
    return this.source().filter(
      (e) => e.kind === "write" && (sheetName === undefined || e.sheet === sheetName),
    );
  }

  /** total charged latency, cheap entries included */
  totalMs(): number {
    return this.source().reduce((sum, e) => sum + e.ms, 0);
  }

  /** ms of the slice resting on each assumption (costs.ts ASSUMPTIONS) */
  assumedMs(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.source()) {
      for (const [id, ms] of Object.entries(e.assumed ?? {})) out[id] = (out[id] ?? 0) + (ms ?? 0);
    }
    return out;
  }

  /** a readable listing, one call a line, for failure messages */
  describe(): string {
    return this.source()
      .map(
        (e) =>
          `${e.seq} ${e.method}${e.detail ? ` ${e.detail}` : ""} ${e.ms}ms${e.cheap ? " (cheap)" : ""}${e.error ? ` !${e.error}` : ""}`,
      )
      .join("\n");
  }
}

export class Ledger extends LedgerView {
  private list: LedgerEntry[] = [];
  private nextSeq = 1;

  constructor() {
    super(() => this.list);
  }

  record(entry: Omit<LedgerEntry, "seq">): LedgerEntry {
    const full: LedgerEntry = { seq: this.nextSeq++, ...entry };
    this.list.push(full);
    return full;
  }

  /** a position to slice from: ledger.since(mark) holds only later calls */
  mark(): number {
    return this.nextSeq;
  }

  since(mark: number): LedgerView {
    return new LedgerView(() => this.list.filter((e) => e.seq >= mark));
  }

  /** forget every entry (sequence numbers keep increasing, so older marks stay valid) */
  reset(): void {
    this.list = [];
  }
}
