/**
 * What must be right before any reminder goes: the sheets and columns that decide who is owed a
 * digest (進捗, 所属) and what was already sent (送信記録). A renamed 送信記録 header would make
 * the run forget every send and send again; a blank 状態 header would chase confirmed reports.
 */
import type { Problem } from "../problem";
import type { RawSheet } from "../registry";
import { mapHeaders, SHEETS, type SheetKey, sheetKeyOfName } from "../schema";

/** The columns whose unreadable cells change who is owed or what was sent, per sheet. */
const DECISIVE: Partial<Record<SheetKey, readonly string[]>> = {
  progress: ["measureId", "fy", "period", "status"],
  divisions: ["name", "email"],
  sendLog: ["key", "result"],
};

const STRUCTURAL = new Set(["sheet-missing", "header-missing", "header-duplicate"]);

/** Decisive columns absent from their sheet, optional ones included (状態 is optional to type). */
function missingColumns(sheets: readonly RawSheet[], reported: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  for (const sheet of sheets) {
    const key = sheetKeyOfName(sheet.name);
    const columns = key ? DECISIVE[key] : undefined;
    const def = SHEETS.find((s) => s.key === key);
    if (!key || !columns || !def) continue;
    const { index } = mapHeaders(def, sheet.values[0] ?? []);
    for (const column of columns) {
      if (index.has(column)) continue;
      const already = reported.some(
        (p) => p.sheet === key && p.code === "header-missing" && p.params.columnKey === column,
      );
      if (already) continue;
      out.push({
        sheet: key,
        sheetName: sheet.name,
        row: 1,
        col: null,
        code: "header-missing",
        severity: "error",
        params: { columnKey: column },
      });
    }
  }
  return out;
}

/** The problems that forbid sending today (empty when the run may go ahead). */
export function sendBlockers(problems: readonly Problem[], sheets: readonly RawSheet[]): Problem[] {
  const found = problems.filter((p) => {
    const columns = DECISIVE[p.sheet];
    if (!columns) return false;
    if (STRUCTURAL.has(p.code)) return true;
    const column = p.params?.columnKey;
    return p.severity === "error" && typeof column === "string" && columns.includes(column);
  });
  return [...found, ...missingColumns(sheets, found)];
}
