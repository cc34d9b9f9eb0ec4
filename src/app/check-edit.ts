/**
 * onEdit: checks just the edited cells and marks or unmarks them. No full-sheet read: what the
 * check needs from other sheets comes from the EditContext cache (rebuilt on a miss).
 */
import { WRITE_ONLY_SHEETS } from "../domain/schema";
import { buildEditContext, validateEditedCells } from "../domain/validate/edit";
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

export function checkEdit(deps: CheckEditDeps, edit: EditedBlock): number {
  let ctx = deps.cache.get();
  if (!ctx) {
    ctx = buildEditContext(deps.store.readAll([...WRITE_ONLY_SHEETS, "sendLog"]));
    deps.cache.put(ctx);
  }
  const check = validateEditedCells(ctx, edit.sheet, edit.top, edit.left, edit.values);
  if (edit.top > 1) {
    const cols = Math.max(0, ...edit.values.map((r) => r.length));
    deps.marker.markBlock(edit.sheet, edit.top, edit.left, edit.values.length, cols, check.marks);
  }
  if (check.contextChanged) deps.cache.clear();
  return check.marks.length;
}
