/**
 * The status flow on 進捗: 未提出 → 提出済 → 確認済 / 差戻し. A row marked 確認済 is locked:
 * only the planning division (確認者) may change it. This decides, for one edit, which cells
 * must be put back and why; the adapter does the putting back.
 */
import { mapHeaders, sheetDef } from "./schema";

export const CONFIRMED = "確認済";

export interface LockedEdit {
  /** 1-based sheet row and column of the cell to put back */
  readonly row: number;
  readonly col: number;
  /** the value to restore, when it is known (single-cell edits carry it in the event) */
  readonly restore: string | undefined;
}

export interface EditFacts {
  /** header row of 進捗 */
  readonly header: readonly unknown[];
  /** the edited rows as they are now, whole rows from column 1 */
  readonly rowsAfter: readonly (readonly unknown[])[];
  readonly top: number;
  readonly left: number;
  readonly right: number;
  /** for a single-cell edit, the value before it (GAS's e.oldValue) */
  readonly oldValue?: string | undefined;
  readonly singleCell: boolean;
}

export function isApprover(user: string, approvers: readonly string[]): boolean {
  const u = user.trim().toLowerCase();
  return u !== "" && approvers.some((a) => a.trim().toLowerCase() === u);
}

/** Cells of confirmed rows changed by someone who is not an approver. */
export function lockedEdits(facts: EditFacts): LockedEdit[] {
  const statusIndex = mapHeaders(sheetDef("progress"), facts.header).index.get("status");
  if (statusIndex === undefined) return [];
  const statusCol = statusIndex + 1;
  const editsStatus = facts.left <= statusCol && statusCol <= facts.right;
  const out: LockedEdit[] = [];
  facts.rowsAfter.forEach((row, i) => {
    const sheetRow = facts.top + i;
    const statusNow = String(row[statusIndex] ?? "").trim();
    if (facts.singleCell) {
      const was = (facts.oldValue ?? "").trim();
      // Changing the status away from 確認済, or changing any other cell of a 確認済 row.
      if (
        (editsStatus && was === CONFIRMED && statusNow !== CONFIRMED) ||
        (!editsStatus && statusNow === CONFIRMED)
      ) {
        out.push({ row: sheetRow, col: facts.left, restore: facts.oldValue ?? "" });
      }
      return;
    }
    // A pasted block: the old values are not known, so the changed cells are flagged, not restored.
    if (!editsStatus && statusNow === CONFIRMED) {
      for (let col = facts.left; col <= facts.right; col++)
        out.push({ row: sheetRow, col, restore: undefined });
    }
  });
  return out;
}
