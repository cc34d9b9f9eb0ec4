/** A plan template as data (sheets-templates/*.json) and the rows it puts into each tab. */
import { SETTINGS, type SettingKey, type SheetDef, type SheetKey } from "../schema";

export type TemplateRecord = Readonly<Record<string, string | number>>;

export interface PlanTemplate {
  readonly settings: Readonly<Partial<Record<SettingKey, string>>>;
  readonly pillars: readonly TemplateRecord[];
  readonly measures: readonly TemplateRecord[];
  readonly targets: readonly TemplateRecord[];
  readonly divisions: readonly TemplateRecord[];
  readonly closures: readonly TemplateRecord[];
  readonly progress?: readonly TemplateRecord[];
}

const TABLE_SHEETS = [
  "pillars",
  "measures",
  "targets",
  "divisions",
  "closures",
  "progress",
] as const;
type TemplateTable = (typeof TABLE_SHEETS)[number];

function isTemplateTable(key: SheetKey): key is TemplateTable {
  return (TABLE_SHEETS as readonly string[]).includes(key);
}

/** One 設定 row per declared setting: name, value (template or default), explanation. */
export function settingRows(
  template: PlanTemplate,
  only?: readonly SettingKey[],
  lang: "ja" | "en" = "ja",
): string[][] {
  return SETTINGS.filter((s) => !only || only.includes(s.key)).map((s) => [
    lang === "ja" ? s.ja : s.en,
    template.settings[s.key] ?? s.defaultValue,
    lang === "ja" ? s.noteJa : s.noteEn,
  ]);
}

/**
 * The template's data rows for a tab, in the tab's column order (`order` holds the column key
 * at each position; unknown positions get ""). Settings use settingRows.
 */
export function templateRows(
  def: SheetDef,
  template: PlanTemplate,
  order: readonly (string | null)[] = def.columns.map((c) => c.key),
): (string | number)[][] {
  if (def.key === "settings") return settingRows(template);
  if (!isTemplateTable(def.key)) return [];
  const records = template[def.key] ?? [];
  return records.map((r) => order.map((key) => (key === null ? "" : (r[key] ?? ""))));
}

/** Sample data for a plan: values keyed by 柱ID / 取組ID plus whole rows of 年度目標 and 進捗. */
export interface PlanSample {
  readonly pillars: readonly TemplateRecord[];
  readonly measures: readonly TemplateRecord[];
  readonly targets: readonly TemplateRecord[];
  readonly progress?: readonly TemplateRecord[];
}

/**
 * The plan with a sample merged in: each 柱 and 取組 gets the sample's fields for its ID (the
 * plan's own text, such as 柱名 and 取組内容, is never replaced by the sample), and the sample's
 * 年度目標 and 進捗 rows are added.
 */
export function withSample(plan: PlanTemplate, sample: PlanSample): PlanTemplate {
  const merge = (rows: readonly TemplateRecord[], extra: readonly TemplateRecord[], id: string) =>
    rows.map((r) => {
      const add = extra.find((e) => e[id] === r[id]);
      if (!add) return r;
      const filled = Object.entries(add).filter(([k]) => r[k] === undefined || r[k] === "");
      return { ...r, ...Object.fromEntries(filled) };
    });
  return {
    ...plan,
    pillars: merge(plan.pillars, sample.pillars, "pillarId"),
    measures: merge(plan.measures, sample.measures, "measureId"),
    targets: [...plan.targets, ...sample.targets],
    progress: [...(plan.progress ?? []), ...(sample.progress ?? [])],
  };
}
