/**
 * What goes out: for a fiscal year and period, one answer workbook per division that leads a
 * 取組, holding only that division's rows, pre-filled with what the registry already has.
 * Adapters (exceljs, SpreadsheetApp) paint this model; they decide nothing.
 */
import {
  createBusinessCalendar,
  dueDateOfPeriod,
  formatFiscalYear,
  formatJapaneseDate,
  type Period,
  type PlainDate,
  tokyoDateOf,
} from "../calendar";
import { surveyText } from "../i18n";
import { type Measure, type RawSheet, type Registry, toTable } from "../registry";
import { type Dropdown, type Lang, PDCA_STEPS, type Status, sheetDef } from "../schema";
import { canonical, registryHeader, SURVEY_COLUMNS, surveyCol } from "./columns";
import { STAMP_SHEET, type Stamp, stampValues } from "./stamp";

/** the 状態 an answering division may choose */
export const ANSWER_STATUSES: readonly Status[] = ["未提出", "提出済"];

export interface SurveyFile {
  readonly division: string;
  /** file or spreadsheet name, before the adapter makes it safe for a file system */
  readonly title: string;
  readonly answerSheet: {
    readonly name: string;
    /** header row, then one row per 取組 */
    readonly values: readonly (readonly unknown[])[];
    /** 1-based columns the division must not change (greyed and protected) */
    readonly lockedCols: readonly number[];
    readonly editableCols: readonly number[];
    readonly widths: readonly number[];
    /** 1-based columns kept as text (IDs) */
    readonly textCols: readonly number[];
    readonly dropdowns: readonly Dropdown[];
  };
  readonly instructions: { readonly name: string; readonly values: readonly (readonly string[])[] };
  readonly stamp: { readonly name: string; readonly values: readonly (readonly string[])[] };
  readonly dueDate: PlainDate;
}

export interface SurveySources {
  readonly progress?: RawSheet;
  readonly measures?: RawSheet;
  readonly targets?: RawSheet;
}

/** The title of a division's file; also how 出力 and the reminders find it again. */
export function surveyTitle(division: string, period: Period, lang: Lang = "ja"): string {
  return surveyText("fileTitle", lang, {
    division,
    fy: formatFiscalYear(period.fy, lang),
    period: lang === "ja" ? period.labelJa : period.labelEn,
  });
}

export function periodName(period: Period, lang: Lang): string {
  return `${formatFiscalYear(period.fy, lang)} ${lang === "ja" ? period.labelJa : period.labelEn}`;
}

/** Divisions that lead at least one 取組, in 所属 order (then any lead missing from 所属). */
export function surveyDivisions(registry: Registry): string[] {
  const leads = new Set(registry.measures.map((m) => m.lead.trim()).filter((d) => d !== ""));
  const ordered = registry.divisions.map((d) => d.name).filter((n) => leads.has(n));
  return [...new Set([...ordered, ...leads])];
}

function uniqueMeasures(registry: Registry, division: string): Measure[] {
  const seen = new Set<string>();
  return registry.measures.filter((m) => {
    if (m.measureId === "" || m.lead.trim() !== division || seen.has(m.measureId)) return false;
    seen.add(m.measureId);
    return true;
  });
}

export function buildSurveys(
  registry: Registry,
  sources: SurveySources,
  period: Period,
  exportedAt: Date,
): SurveyFile[] {
  const lang = registry.settings.lang;
  const progressName = registry.sheetNames.progress ?? sheetDef("progress").ja;
  const progressTable = sources.progress
    ? toTable(sheetDef("progress"), sources.progress)
    : undefined;
  const rawRow = (row: number) => sources.progress?.values[row - 1] ?? [];
  const headerRows = {
    progress: sources.progress?.values[0],
    measures: sources.measures?.values[0],
    targets: sources.targets?.values[0],
  };
  const headers = SURVEY_COLUMNS.map((c) => registryHeader(headerRows[c.from], c, lang));
  const dueDate = dueDateOfPeriod(
    period,
    Math.max(0, Math.trunc(registry.settings.dueBusinessDays)),
    createBusinessCalendar(registry.closures),
  );
  const lockedCols = SURVEY_COLUMNS.flatMap((c, i) => (c.locked ? [i + 1] : []));
  const editableCols = SURVEY_COLUMNS.flatMap((c, i) => (c.locked ? [] : [i + 1]));

  return surveyDivisions(registry).map((division) => {
    const rows = uniqueMeasures(registry, division).map((m) => {
      const target = registry.targets.find(
        (t) => t.measureId === m.measureId && t.fy === period.fy,
      );
      const report = registry.progress.find(
        (p) => p.measureId === m.measureId && p.fy === period.fy && p.period === period.index,
      );
      const earlier = (key: string): unknown => {
        const i = progressTable?.headers.index.get(key);
        return report && i !== undefined ? (rawRow(report.row)[i] ?? "") : "";
      };
      return SURVEY_COLUMNS.map((c): unknown => {
        switch (c.key) {
          case "measureId":
            return m.measureId;
          case "fy":
            return formatFiscalYear(period.fy, "ja");
          case "period":
            return period.labelJa;
          case "content":
            return m.content;
          case "indicator":
            return m.indicator;
          case "unit":
            return m.unit;
          case "targetValue":
            return target?.targetValue ?? "";
          default:
            return earlier(c.key);
        }
      });
    });
    const stamp: Stamp = {
      registry: registry.settings.planName,
      division,
      fy: period.fy,
      period: period.index,
      exportedAt: exportedAt.toISOString(),
      rows: rows.map((r, i) => ({
        row: i + 2,
        values: r.map((v, j) => canonical(SURVEY_COLUMNS[j]?.key ?? "", v)),
      })),
    };
    return {
      division,
      title: surveyTitle(division, period, lang),
      answerSheet: {
        name: progressName,
        values: [headers, ...rows],
        lockedCols,
        editableCols,
        widths: SURVEY_COLUMNS.map((c) => c.def.width),
        textCols: [surveyCol("measureId")],
        dropdowns: answerDropdowns(registry),
      },
      instructions: {
        name: surveyText("instructionsSheet", lang),
        values: instructions(registry, division, period, dueDate, rows.length, {
          sheet: progressName,
          editable: editableCols.map((c) => headers[c - 1]).join("・"),
          locked: lockedCols.map((c) => headers[c - 1]).join("・"),
          exportedAt,
        }),
      },
      stamp: { name: STAMP_SHEET, values: stampValues(stamp) },
      dueDate,
    };
  });
}

function answerDropdowns(registry: Registry): Dropdown[] {
  const grades = registry.settings.grades;
  return [
    {
      col: surveyCol("grade"),
      kind: "list",
      values: grades.map((g) => g.code),
      help: grades.map((g) => `${g.code}:${g.label}`).join(" "),
    },
    { col: surveyCol("pdca"), kind: "list", values: PDCA_STEPS, help: PDCA_STEPS.join(" / ") },
    // 確認済 and 差戻し are the planning division's to give, not the answering division's.
    {
      col: surveyCol("status"),
      kind: "list",
      values: ANSWER_STATUSES,
      help: ANSWER_STATUSES.join(" / "),
    },
  ];
}

function instructions(
  registry: Registry,
  division: string,
  period: Period,
  dueDate: PlainDate,
  count: number,
  words: { sheet: string; editable: string; locked: string; exportedAt: Date },
): string[][] {
  const lang = registry.settings.lang;
  const { planName, senderName, replyTo } = registry.settings;
  const due = formatJapaneseDate(dueDate, lang, { weekday: true });
  const when = periodName(period, lang);
  const contact = [senderName, replyTo].filter((s) => s !== "").join(" ");
  const t = (key: Parameters<typeof surveyText>[0], params = {}) => surveyText(key, lang, params);
  return [
    [t("title", { plan: planName, period: when })],
    [],
    [t("division"), division],
    [t("due"), due],
    [t("rows"), t("rowsValue", { count, sheet: words.sheet })],
    ...(contact !== "" ? [[t("contact"), contact]] : []),
    [t("exportedAt"), formatJapaneseDate(tokyoDateOf(words.exportedAt), lang)],
    [],
    [t("howTo"), t("step1", { sheet: words.sheet, editable: words.editable, period: when })],
    ["", t("step2", { locked: words.locked })],
    ["", t("step3")],
    ["", t("step4", { due })],
    ["", t("step5", { stamp: STAMP_SHEET })],
  ];
}
