/**
 * onEdit: checks just the edited cells and marks or unmarks them. No full-sheet read: what the
 * check needs from other sheets comes from the EditContext cache (rebuilt on a miss).
 */
import { WRITE_ONLY_SHEETS } from "../domain/schema";
import { buildEditContext, type EditContext, validateEditedCells } from "../domain/validate/edit";
import type { CellMarker, EditContextCache, RegistryStore } from "../ports";

export interface CheckEditDeps {
  readonly store: RegistryStore;
  readonly cache: EditContextCache;
  readonly marker: CellMarker;
}

export interface EditedBlock {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly values: readonly (readonly unknown[])[];
}

/** The cached EditContext, rebuilt from the registry (app-written logs skipped) on a miss. */
export function loadEditContext(store: RegistryStore, cache: EditContextCache): EditContext {
  const cached = cache.get();
  if (cached) return cached;
  const ctx = buildEditContext(store.readAll([...WRITE_ONLY_SHEETS, "sendLog"]));
  cache.put(ctx);
  return ctx;
}

export function checkEdit(deps: CheckEditDeps, edit: EditedBlock): number {
  const ctx = loadEditContext(deps.store, deps.cache);
  const check = validateEditedCells(ctx, edit.sheet, edit.top, edit.left, edit.values);
  if (edit.top > 1) {
    const cols = Math.max(0, ...edit.values.map((r) => r.length));
    deps.marker.markBlock(edit.sheet, edit.top, edit.left, edit.values.length, cols, check.marks);
  }
  if (check.contextChanged) deps.cache.clear();
  return check.marks.length;
}
