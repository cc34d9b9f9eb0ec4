/**
 * 送信記録: reading what earlier runs sent or deferred, and the row a run writes per digest.
 * A key is `${date}|${division}|${kind}`; the log is append-only, in the order things happened.
 */
import { isDateValue, isPlainDate, type PlainDate, tokyoDateOf } from "../calendar";
import type { SendLogEntry } from "../registry";
import type { ReminderKind } from "./kinds";

/** 結果 values the app writes. */
export type SendResult = "送信済" | "保留" | "失敗" | "一部失敗";

export const SEND_RESULTS = {
  /** the mail went out: never again under this key, nor to this division the same day */
  sent: "送信済",
  /** not sent for lack of mail quota: the division goes first on the next run */
  deferred: "保留",
  /** the mailer refused: nothing was sent, a rerun may try again */
  failed: "失敗",
  /** the server refused some recipients: a rerun sends to those addresses only */
  partial: "一部失敗",
} as const satisfies Record<string, SendResult>;

/** What a planner needs of a log row (a parsed SendLogEntry, or a row just written). */
export type SendLogLike = Pick<SendLogEntry, "key" | "result"> &
  Partial<Pick<SendLogEntry, "division" | "at">>;

const normalise = (s: string): string => s.normalize("NFKC").trim().toLowerCase();

/** 送信済 / sent (also with a detail after it: 送信済（…）). */
export function isSentResult(result: string): boolean {
  const r = normalise(result);
  return r.startsWith("送信済") || r.startsWith("sent");
}

/** 保留 / deferred. */
export function isDeferredResult(result: string): boolean {
  const r = normalise(result);
  return r.startsWith("保留") || r.startsWith("deferred");
}

export function digestKey(date: PlainDate, division: string, kind: ReminderKind): string {
  return `${date}|${division}|${kind}`;
}

export interface ParsedKey {
  readonly date: PlainDate;
  readonly division: string;
  readonly kind: string;
}

/** Splits `${date}|${division}|${kind}`; undefined for anything else. */
export function parseDigestKey(key: string): ParsedKey | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})\|(.+)\|([^|]+)$/.exec(key.trim());
  if (!m || !isPlainDate(m[1])) return undefined;
  return { date: m[1], division: m[2] ?? "", kind: m[3] ?? "" };
}

export interface LogEvent {
  readonly key: string;
  readonly date: PlainDate | null;
  readonly division: string;
  readonly result: "sent" | "deferred" | "other";
}

/**
 * A log row as an event. Date and division come from the key (the 所属 cell may carry an
 * apostrophe added against formula injection); failing that, from 日時 (Tokyo day) and 所属.
 */
export function logEvent(entry: SendLogLike): LogEvent {
  const parsed = parseDigestKey(entry.key);
  const at = entry.at;
  const date = parsed?.date ?? (isDateValue(at) ? tokyoDateOf(at) : null);
  const division = parsed?.division ?? (entry.division ?? "").trim().replace(/^'/, "");
  const result = isSentResult(entry.result)
    ? "sent"
    : isDeferredResult(entry.result)
      ? "deferred"
      : "other";
  return { key: entry.key.trim(), date, division, result };
}

/** What the planner needs to know from the log, per division. */
export interface LogSummary {
  /** keys recorded as sent */
  readonly sentKeys: ReadonlySet<string>;
  /** division -> the days it was sent a digest, ascending */
  readonly sentDays: ReadonlyMap<string, readonly PlainDate[]>;
  /**
   * division -> the day of its first deferral not followed by a sent digest: the division is
   * owed a digest, whatever today's schedule says.
   */
  readonly deferredSince: ReadonlyMap<string, PlainDate>;
}

export function summariseLog(log: readonly SendLogLike[]): LogSummary {
  const sentKeys = new Set<string>();
  const sentDays = new Map<string, PlainDate[]>();
  const deferredSince = new Map<string, PlainDate>();
  for (const entry of log) {
    const e = logEvent(entry);
    if (e.result === "sent") {
      sentKeys.add(e.key);
      if (e.division === "") continue;
      deferredSince.delete(e.division);
      if (e.date !== null) {
        const days = sentDays.get(e.division) ?? [];
        days.push(e.date);
        sentDays.set(e.division, days);
      }
    } else if (e.result === "deferred" && e.division !== "" && e.date !== null) {
      if (!deferredSince.has(e.division)) deferredSince.set(e.division, e.date);
    }
  }
  for (const days of sentDays.values()) days.sort();
  return { sentKeys, sentDays, deferredSince };
}

/** The digest fields a log row is made of. */
export interface LoggableDigest {
  readonly key: string;
  readonly kind: ReminderKind;
  readonly division: string;
  readonly to: string;
  readonly cc: readonly string[];
  readonly items: readonly unknown[];
}

/** 日時, キー, 種類, 所属, 宛先, 件数, 結果: the 送信記録 columns in the template's order. */
export const SEND_LOG_COLUMNS = ["at", "key", "kind", "division", "to", "count", "result"] as const;

export type SendLogRow = [
  at: Date,
  key: string,
  kind: ReminderKind,
  division: string,
  to: string,
  count: number,
  result: string,
];

const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

/**
 * The 送信記録 row for a digest: 日時, キー, 種類, 所属, 宛先 ("to" and "CC: a, b"), 件数 and
 * 結果 (送信済 / 保留 / 失敗, with the detail in brackets: 失敗（Invalid email: …）).
 * Plain values; the store neutralises formula-like text when it writes them.
 */
export function sendLogRow(
  digest: LoggableDigest,
  at: Date,
  result: SendResult,
  detail?: string,
): SendLogRow {
  const cc = digest.cc.length > 0 ? ` (CC: ${digest.cc.join(", ")})` : "";
  const note = detail === undefined ? "" : oneLine(detail);
  return [
    at,
    digest.key,
    digest.kind,
    digest.division,
    `${digest.to}${cc}`,
    digest.items.length,
    note === "" ? result : `${result}（${note}）`,
  ];
}

const ADDRESS = /[^\s@<>()[\]\\,;:"（）、]+@[A-Za-z0-9.-]+[A-Za-z0-9]/g;

/** 一部失敗 / partial (with the refused addresses in brackets). */
export function isPartialResult(result: string): boolean {
  const r = normalise(result);
  return r.startsWith("一部失敗") || r.startsWith("partial");
}

/**
 * The addresses still owed a digest that went out in part: those named in the last 一部失敗 row
 * of this key. undefined when the key has no such row (send to everyone as planned).
 */
export function addressesToRetry(log: readonly SendLogLike[], key: string): string[] | undefined {
  let last: string[] | undefined;
  for (const entry of log) {
    if (entry.key.trim() !== key) continue;
    if (isPartialResult(entry.result)) last = entry.result.match(ADDRESS) ?? [];
    else if (isSentResult(entry.result)) last = undefined;
  }
  return last;
}
