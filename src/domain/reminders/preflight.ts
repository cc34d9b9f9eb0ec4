/**
 * What must be right before any reminder goes: the sheets and columns that decide who is owed a
 * digest (進捗, 所属) and what was already sent (送信記録). A renamed 送信記録 header would make
 * the run forget every send and send again; a blank 状態 header would chase confirmed reports.
 */
import type { Problem } from "../problem";
import type { SheetKey } from "../schema";

/** The columns whose unreadable cells change who is owed or what was sent, per sheet. */
const DECISIVE: Partial<Record<SheetKey, readonly string[]>> = {
  progress: ["measureId", "fy", "period", "status"],
  divisions: ["name"],
  sendLog: ["key", "result"],
};

const STRUCTURAL = new Set(["sheet-missing", "header-missing", "header-duplicate"]);

/** The parse problems that forbid sending today (empty when the run may go ahead). */
export function sendBlockers(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => {
    const columns = DECISIVE[p.sheet as SheetKey];
    if (!columns) return false;
    if (STRUCTURAL.has(p.code)) return true;
    const column = p.params?.columnKey;
    return p.severity === "error" && typeof column === "string" && columns.includes(column);
  });
}
