/**
 * 変更履歴: who changed what, when, where, from what to what. Appended in one batch under the
 * lock, so concurrent edits never interleave or overwrite each other's lines.
 */
import { sheetDef } from "../domain/schema";
import type { Clock, Lock, RegistryStore } from "../ports";

export interface CellChange {
  readonly cell: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

export interface RecordEditDeps {
  readonly store: RegistryStore;
  readonly lock: Lock;
  readonly clock: Clock;
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
  const done = deps.lock.withLock(() => {
    if (!deps.store.sheetNames().includes(logName)) return false;
    deps.store.appendRows(logName, rows);
    return true;
  });
  return done === true;
}
