/** The look of each tab, derived from the schema and the settings (periods, grades, years). */
import { formatFiscalYear, periodLabels } from "../calendar";
import type { Settings } from "../registry";
import {
  type Dropdown,
  REGISTRY_PRINT,
  type SheetDef,
  type SheetKey,
  type SheetLayout,
  sheetDef,
} from "../schema";

/** Columns whose content is an identifier: kept as text so Sheets does not turn 1-1 into a date. */
const TEXT_TYPES = new Set(["id", "ref", "refList"]);
const WRAP_MIN_WIDTH = 200;

export function planYears(settings: Pick<Settings, "startFy" | "endFy">): number[] {
  const { startFy, endFy } = settings;
  if (startFy === null || endFy === null || endFy < startFy || endFy - startFy > 30) return [];
  return Array.from({ length: endFy - startFy + 1 }, (_, i) => startFy + i);
}

/**
 * The layout of a tab. `order` is the column key at each position of an existing tab
 * (null for a column that is not ours), so reordered tabs get their dropdowns in the right place.
 */
export function layoutFor(
  def: SheetDef,
  settings: Settings,
  tabNames: Partial<Record<SheetKey, string>> = {},
  order: readonly (string | null)[] = def.columns.map((c) => c.key),
): SheetLayout {
  const dropdowns: Dropdown[] = [];
  const placed = order.flatMap((key, i) => {
    const c = def.columns.find((col) => col.key === key);
    return c ? [{ c, col: i + 1 }] : [];
  });
  placed.forEach(({ c, col }) => {
    if (def.appOwned) return;
    if (c.type === "enum" && c.values) {
      dropdowns.push({
        col,
        kind: "list",
        values: c.values,
        help: `${c.ja}: ${c.values.join(" / ")}`,
      });
    } else if (c.type === "grade") {
      const values = settings.grades.map((g) => g.code);
      const help = settings.grades.map((g) => `${g.code}:${g.label}`).join(" ");
      dropdowns.push({ col, kind: "list", values, help });
    } else if (c.type === "period") {
      const values = periodLabels(settings.cycle, "ja");
      dropdowns.push({ col, kind: "list", values, help: `${c.ja}: ${values.join(" / ")}` });
    } else if (c.type === "year" && def.key !== "measures") {
      const years = planYears(settings);
      if (years.length > 0) {
        dropdowns.push({
          col,
          kind: "list",
          values: years.map(String),
          help: `${c.ja}: ${years.map((y) => `${y}（${formatFiscalYear(y, "ja")}）`).join(" / ")}`,
        });
      }
    } else if (c.type === "ref" && c.refSheet) {
      const target = sheetDef(c.refSheet);
      const idCol = target.columns.findIndex((t) => t.key === target.identity[0]);
      dropdowns.push({
        col,
        kind: "range",
        sheet: tabNames[c.refSheet] ?? target.ja,
        sourceCol: idCol + 1,
        help: `${c.ja}: ${target.ja}シートにある値から選んでください。`,
      });
    }
  });
  return {
    headers: order.map((key) => def.columns.find((c) => c.key === key)?.ja ?? ""),
    widths: order.map((key) => def.columns.find((c) => c.key === key)?.width ?? 0),
    tabColor: def.tabColor,
    textColumns: placed.flatMap(({ c, col }) => (TEXT_TYPES.has(c.type) ? [col] : [])),
    wrapColumns: placed.flatMap(({ c, col }) =>
      c.type === "text" && c.width >= WRAP_MIN_WIDTH ? [col] : [],
    ),
    dropdowns,
    appOwned: def.appOwned,
    print: REGISTRY_PRINT,
  };
}
