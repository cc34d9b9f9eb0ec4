/**
 * 変更履歴: who changed what, when, where, from what to what. Appended in one batch under the
 * lock, so concurrent edits never interleave or overwrite each other's lines.
 *
 * With a durable queue (GAS), an edit's lines are queued first, without any lock, and then
 * flushed by whoever gets the lock: an edit that arrives while a long run (the daily reminders)
 * holds the lock is never lost, and is written exactly once, by a later edit or a follow-up run.
 */
import { sheetDef } from "../domain/schema";
import type { AuditQueue, Clock, Lock, RegistryStore } from "../ports";

export interface CellChange {
  readonly cell: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

export interface RecordEditDeps {
  readonly store: RegistryStore;
  readonly lock: Lock;
  readonly clock: Clock;
  readonly queue?: AuditQueue;
}

/** Above this many cells a paste is logged as one summary line, not cell by cell. */
export const MAX_LOGGED_CELLS = 500;

export function recordEdit(
  deps: RecordEditDeps,
  edit: { user: string; sheet: string; changes: readonly CellChange[]; range: string },
): boolean {
  const logName = sheetDef("auditLog").ja;
  if (edit.sheet === logName || edit.changes.length === 0) return true;
  const at = deps.clock.now();
  const rows =
    edit.changes.length > MAX_LOGGED_CELLS
      ? [[at, edit.user, edit.sheet, edit.range, "", `（${edit.changes.length} セルの貼り付け）`]]
      : edit.changes.map((c) => [
          at,
          edit.user,
          edit.sheet,
          c.cell,
          c.oldValue ?? "",
          c.newValue ?? "",
        ]);
  if (deps.queue?.push(rows)) {
    flushAuditQueue({ ...deps, queue: deps.queue });
    return true;
  }
  const done = deps.lock.withLock(() => {
    if (!deps.store.sheetNames().includes(logName)) return false;
    deps.store.appendRows(logName, rows);
    return true;
  });
  return done === true;
}

/**
 * Moves every queued batch to 変更履歴 in one append, under the lock, then removes them from
 * the queue. When the lock is busy, a later run is scheduled; the lines stay queued meanwhile.
 * Returns the number of lines written.
 */
export function flushAuditQueue(
  deps: Pick<RecordEditDeps, "store" | "lock"> & { readonly queue: AuditQueue },
): number {
  const logName = sheetDef("auditLog").ja;
  const written = deps.lock.withLock(() => {
    const pending = deps.queue.pending();
    if (pending.length === 0) return 0;
    if (!deps.store.sheetNames().includes(logName)) return 0;
    const rows = pending.flatMap((p) => p.rows);
    deps.store.appendRows(logName, rows);
    deps.queue.drop(pending.map((p) => p.key));
    return rows.length;
  });
  if (written === undefined) deps.queue.scheduleFlush();
  return written ?? 0;
}
