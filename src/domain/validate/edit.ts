/**
 * Checking only the cells someone just edited (onEdit): no full-sheet read. What the check needs
 * from the rest of the registry (settings, headers, the IDs other sheets refer to) travels in a
 * small EditContext that the adapter keeps in a cache and rebuilds when those sheets change.
 */
import type { CellMark } from "../annotations";
import { marksBySheet } from "../annotations";
import type { MessageCode } from "../i18n";
import type { RawSheet } from "../registry";
import { mapHeaders, type SheetKey, sheetDef, sheetKeyOfName } from "../schema";
import { validateRegistry } from "./index";

export interface EditContext {
  /** the whole 設定 tab as read */
  readonly settings: RawSheet | null;
  /** header row of every tab, by tab name */
  readonly headers: Readonly<Record<string, readonly unknown[]>>;
  /** the values other sheets refer to */
  readonly ids: Readonly<Record<"pillars" | "measures" | "divisions", readonly string[]>>;
}

/** Tabs whose edits change the EditContext (so the cached copy must be dropped). */
export const CONTEXT_SHEETS: readonly SheetKey[] = ["settings", "pillars", "measures", "divisions"];

/** Problems that depend on the edited cell alone (and on the context), never on other rows. */
const LOCAL_CODES: ReadonlySet<MessageCode> = new Set<MessageCode>([
  "not-a-number",
  "number-normalised",
  "invalid-year",
  "invalid-date",
  "invalid-period",
  "invalid-enum",
  "invalid-grade",
  "invalid-email",
  "id-became-date",
  "unknown-pillar",
  "unknown-measure",
  "unknown-division",
  "year-outside-plan",
  "setting-invalid",
  "setting-empty",
]);

function idColumnValues(sheet: RawSheet | undefined, key: SheetKey): string[] {
  if (!sheet) return [];
  const def = sheetDef(key);
  const header = sheet.values[0] ?? [];
  const index = mapHeaders(def, header).index.get(def.identity[0] ?? "");
  if (index === undefined) return [];
  return sheet.values.slice(1).map((r) =>
    String(r[index] ?? "")
      .normalize("NFKC")
      .trim(),
  );
}

export function buildEditContext(sheets: readonly RawSheet[]): EditContext {
  const byKey = new Map<SheetKey, RawSheet>();
  const headers: Record<string, readonly unknown[]> = {};
  for (const s of sheets) {
    headers[s.name] = s.values[0] ?? [];
    const key = sheetKeyOfName(s.name);
    if (key && !byKey.has(key)) byKey.set(key, s);
  }
  return {
    settings: byKey.get("settings") ?? null,
    headers,
    ids: {
      pillars: idColumnValues(byKey.get("pillars"), "pillars").filter((v) => v !== ""),
      measures: idColumnValues(byKey.get("measures"), "measures").filter((v) => v !== ""),
      divisions: idColumnValues(byKey.get("divisions"), "divisions").filter((v) => v !== ""),
    },
  };
}

/** A stand-in tab holding only the referenced IDs, under the schema's full header row. */
function idSheet(key: SheetKey, ids: readonly string[]): RawSheet {
  const def = sheetDef(key);
  const idIndex = def.columns.findIndex((c) => c.key === def.identity[0]);
  return {
    name: def.ja,
    values: [
      def.columns.map((c) => c.ja),
      ...ids.map((id) => def.columns.map((_, i) => (i === idIndex ? id : ""))),
    ],
  };
}

export interface EditCheck {
  /** marks for the edited block (cells without a mark are clean) */
  readonly marks: readonly CellMark[];
  /** whether the cached EditContext is stale after this edit */
  readonly contextChanged: boolean;
}

/**
 * Checks a block of edited cells. `top`/`left` are 1-based; `values` the block's new values.
 * Header-row edits and tabs outside the registry are not checked (the full check covers them).
 */
export function validateEditedCells(
  ctx: EditContext,
  sheetName: string,
  top: number,
  left: number,
  values: readonly (readonly unknown[])[],
): EditCheck {
  const key = sheetKeyOfName(sheetName);
  const contextChanged = top === 1 || (key !== undefined && CONTEXT_SHEETS.includes(key));
  const header = ctx.headers[sheetName];
  if (!key || !header || top === 1 || sheetDef(key).appOwned) return { marks: [], contextChanged };

  const width = Math.max(header.length, left - 1 + Math.max(0, ...values.map((r) => r.length)));
  const rows: unknown[][] = [[...header]];
  for (let r = 2; r < top; r++) rows.push([]);
  for (const edited of values) {
    const row = Array.from({ length: width }, () => "" as unknown);
    edited.forEach((v, j) => {
      row[left - 1 + j] = v;
    });
    rows.push(row);
  }
  const edited: RawSheet = { name: sheetName, values: rows };

  const sheets: RawSheet[] = [edited];
  if (key !== "settings" && ctx.settings) sheets.push(ctx.settings);
  if (key !== "pillars") sheets.push(idSheet("pillars", ctx.ids.pillars));
  if (key !== "measures") sheets.push(idSheet("measures", ctx.ids.measures));
  if (key !== "divisions") sheets.push(idSheet("divisions", ctx.ids.divisions));

  const { registry, problems } = validateRegistry(sheets);
  const bottom = top + values.length - 1;
  const right = left + Math.max(0, ...values.map((r) => r.length)) - 1;
  const local = problems.filter(
    (p) =>
      p.sheetName === sheetName &&
      p.row !== null &&
      p.col !== null &&
      p.row >= top &&
      p.row <= bottom &&
      p.col >= left &&
      p.col <= right &&
      LOCAL_CODES.has(p.code),
  );
  return {
    marks: marksBySheet(local, registry.settings.lang).get(sheetName) ?? [],
    contextChanged,
  };
}
