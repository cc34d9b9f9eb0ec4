/**
 * The durable 変更履歴 queue on script properties. Each batch has its own key (time + UUID), so
 * edits arriving together never overwrite each other, and PropertiesService needs no lock.
 * Limits: 9 KB per value and 500 KB per store
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations);
 * a batch is split to stay under the value limit, and anything that cannot be queued is
 * written directly under the lock instead (push returns false).
 */
import { utf8Length } from "../domain/utf8";
import type { AuditQueue, PendingAudit } from "../ports";
import { scheduleFollowUp } from "./follow-up";

export const AUDIT_FLUSH_HANDLER = "flushAuditLog";
const PREFIX = "genki.audit.";
const FLUSH_SCHEDULED = "genki.auditFlushAt";
/** bytes per queued value, under the 9 KB (9,216 bytes) limit with room for the key */
const MAX_VALUE_BYTES = 8_000;
/** a follow-up is at most this old before another may be scheduled (it fires within minutes) */
const FLUSH_STALE_MS = 15 * 60_000;

type Cell = unknown;

const utf8Bytes = utf8Length;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Dates survive JSON as {"d": epoch ms} */
function encode(rows: readonly (readonly Cell[])[]): string {
  return JSON.stringify(rows.map((r) => r.map((v) => (isDate(v) ? { d: v.getTime() } : v))));
}

function decode(text: string): Cell[][] {
  const rows = JSON.parse(text) as Cell[][];
  return rows.map((r) =>
    r.map((v) =>
      v !== null && typeof v === "object" && typeof (v as { d?: unknown }).d === "number"
        ? new Date((v as { d: number }).d)
        : v,
    ),
  );
}

/** Splits rows into values that each fit the property limit; undefined when one row alone does not. */
function chunks(rows: readonly (readonly Cell[])[]): string[] | undefined {
  const out: string[] = [];
  let batch: (readonly Cell[])[] = [];
  for (const row of rows) {
    if (utf8Bytes(encode([row])) > MAX_VALUE_BYTES) return undefined;
    if (batch.length > 0 && utf8Bytes(encode([...batch, row])) > MAX_VALUE_BYTES) {
      out.push(encode(batch));
      batch = [];
    }
    batch.push(row);
  }
  if (batch.length > 0) out.push(encode(batch));
  return out;
}

export class ScriptPropertiesAuditQueue implements AuditQueue {
  private readonly props = PropertiesService.getScriptProperties();

  push(rows: readonly (readonly Cell[])[]): boolean {
    const values = chunks(rows);
    if (!values) return false;
    const stamp = String(Date.now()).padStart(15, "0");
    const id = Utilities.getUuid();
    const entries: Record<string, string> = {};
    values.forEach((v, i) => {
      entries[`${PREFIX}${stamp}.${id}.${String(i).padStart(4, "0")}`] = v;
    });
    try {
      this.props.setProperties(entries);
      return true;
    } catch {
      // the store is full (500 KB): the caller writes these lines directly under the lock
      return false;
    }
  }

  pending(): readonly PendingAudit[] {
    const all = this.props.getProperties();
    return Object.keys(all)
      .filter((k) => k.startsWith(PREFIX))
      .sort()
      .flatMap((key) => {
        try {
          return [{ key, rows: decode(all[key] ?? "[]") }];
        } catch {
          return [];
        }
      });
  }

  drop(keys: readonly string[]): void {
    for (const k of keys) this.props.deleteProperty(k);
    this.props.deleteProperty(FLUSH_SCHEDULED);
  }

  /** the follow-up run has started: it may schedule the next one if it, too, finds the lock busy */
  followUpStarted(): void {
    this.props.deleteProperty(FLUSH_SCHEDULED);
  }

  scheduleFlush(): void {
    const at = Number(this.props.getProperty(FLUSH_SCHEDULED) ?? 0);
    if (Date.now() - at < FLUSH_STALE_MS) return;
    this.props.setProperty(FLUSH_SCHEDULED, String(Date.now()));
    scheduleFollowUp(AUDIT_FLUSH_HANDLER);
  }
}
