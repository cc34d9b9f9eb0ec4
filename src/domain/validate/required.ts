/**
 * Required cells (schema `required`) on the tables people fill in. Every non-blank row is
 * checked, including a row whose key cells are empty: such a row is reported, never skipped.
 */
import type { Problem } from "../problem";
import { isBlank, type Registry } from "../registry";
import { SHEETS } from "../schema";
import type { RuleContext } from "./context";
import { cellProblem } from "./context";

export function requiredCells(registry: Registry, ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  for (const def of SHEETS) {
    if (def.kind !== "table" || def.appOwned) continue;
    const table = ctx.tables.get(def.key);
    if (!table) continue;
    // A required column missing from row 1 is reported once as header-missing, not per row.
    const columns = def.columns.filter((c) => c.required && table.headers.index.has(c.key));
    for (const { row, cells } of table.rows) {
      for (const c of columns) {
        const i = table.headers.index.get(c.key);
        if (i === undefined || !isBlank(cells[i])) continue;
        const isKey = def.identity.includes(c.key);
        problems.push(
          cellProblem(
            registry,
            ctx,
            { sheet: def.key, row, column: c.key },
            isKey ? "key-missing" : "required",
            "error",
          ),
        );
      }
    }
  }
  return problems;
}
