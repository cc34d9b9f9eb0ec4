/** Finding the answer files of a period again, from the 出力 log the export wrote. */
import type { Period } from "../calendar";
import { surveyText } from "../i18n";
import { isBlank, type RawSheet, type Registry, toTable } from "../registry";
import { sheetDef } from "../schema";
import { surveyDivisions, surveyTitle } from "./export";

export interface SurveyFileRef {
  readonly division: string;
  readonly name: string;
  /** a link in Sheets, a path offline */
  readonly url: string;
}

/**
 * The latest 照会ファイル per division for the period (a later export replaces an earlier one);
 * only for `divisions` when given: a reminder run asks once per division, and listing every
 * division each time made 5,000 digests cost 5,000 × 14,000 取組 at 1000× the plan.
 */
export function surveyFilesFor(
  registry: Registry,
  outputs: RawSheet | undefined,
  period: Period,
  divisions: readonly string[] = surveyDivisions(registry),
): SurveyFileRef[] {
  if (!outputs) return [];
  const table = toTable(sheetDef("outputs"), outputs);
  const col = (key: string) => table.headers.index.get(key) ?? -1;
  const kind = surveyText("outputKind", "ja");
  const latest = new Map<string, string>();
  for (const r of table.rows) {
    const url = r.cells[col("url")];
    if (String(r.cells[col("kind")] ?? "").trim() !== kind || isBlank(url)) continue;
    latest.set(String(r.cells[col("name")] ?? "").trim(), String(url).trim());
  }
  return divisions.flatMap((division) => {
    const name = surveyTitle(division, period, registry.settings.lang);
    const url = latest.get(name);
    return url ? [{ division, name, url }] : [];
  });
}
