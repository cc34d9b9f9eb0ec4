/**
 * Who owes what: for every period of the plan whose reporting window is open, one item per
 * 取組 whose report has not been submitted (no row, 未提出 or 差戻し).
 */
import {
  type BusinessCalendar,
  createBusinessCalendar,
  formatFiscalYear,
  type Period,
  type PeriodKey,
  type PlainDate,
  periodsOf,
} from "../calendar";
import type { Registry } from "../registry";
import { decidingRows, dueDateOf, periodSubmissions, uniqueMeasures } from "../submissions";
import { planYears } from "../template";
import { compareIds, compareText, type ReminderKind, stageOf } from "./kinds";

/** The statuses of a report that is still owed. */
export type OwedStatus = "未提出" | "差戻し";

export interface PeriodLabel {
  /** 平成24年度 第2四半期 */
  readonly ja: string;
  /** FY2012 Q2 */
  readonly en: string;
}

export interface OwedItem {
  readonly measureId: string;
  readonly content: string;
  readonly pillarId: string;
  /** 主担当課 of the 取組, trimmed ("" when the cell is empty) */
  readonly division: string;
  readonly fy: number;
  /** 1-based index of the period in the fiscal year */
  readonly periodIndex: number;
  readonly periodKey: PeriodKey;
  /** fiscal year and period: 平成24年度 第2四半期 / FY2012 Q2 */
  readonly periodLabel: PeriodLabel;
  /** period end + 提出期限 business days */
  readonly dueDate: PlainDate;
  /** first day the item is owed: dueDate − 事前通知 business days (dueDate when 0) */
  readonly openFrom: PlainDate;
  /** business days from today to the due date; 0 on the due date, negative when overdue */
  readonly businessDaysLeft: number;
  /** no row or 未提出: 未提出; 差戻し: returned for revision */
  readonly status: OwedStatus;
  /** where the item stands today: 事前通知 (before due), 期限当日, 督促, エスカレーション */
  readonly stage: ReminderKind;
}

/** A period of the plan with its due date and the first day its reports are owed. */
export interface ReportingWindow {
  readonly period: Period;
  readonly dueDate: PlainDate;
  readonly openFrom: PlainDate;
}

/** Every period of the plan years with its due date and opening day, in date order. */
export function reportingWindows(registry: Registry, cal: BusinessCalendar): ReportingWindow[] {
  const { settings } = registry;
  const notice = Math.max(0, Math.trunc(settings.preNoticeDays));
  return planYears(settings)
    .flatMap((fy) => periodsOf(fy, settings.cycle))
    .map((period) => {
      const dueDate = dueDateOf(registry, period, cal);
      // dueDate is a business day, so −0 business days is dueDate itself.
      return { period, dueDate, openFrom: cal.addBusinessDays(dueDate, -notice) };
    });
}

export function periodLabelOf(period: Pick<Period, "fy" | "labelJa" | "labelEn">): PeriodLabel {
  return {
    ja: `${formatFiscalYear(period.fy, "ja")} ${period.labelJa}`,
    en: `${formatFiscalYear(period.fy, "en")} ${period.labelEn}`,
  };
}

export function compareItems(a: OwedItem, b: OwedItem): number {
  return compareText(a.dueDate, b.dueDate) || compareIds(a.measureId, b.measureId);
}

/**
 * What is owed on `today`: for each period of the plan years whose window has opened
 * (today ≥ due date − 事前通知 business days), one item per 取組 whose report for that period
 * is not 提出済 or 確認済. Items stay owed, however late, until they are submitted.
 * Sorted by due date, then 取組ID. `cal` defaults to the registry's calendar (with 閉庁日).
 */
export function owedItems(
  registry: Registry,
  today: PlainDate,
  cal: BusinessCalendar = createBusinessCalendar(registry.closures),
): OwedItem[] {
  const windows = reportingWindows(registry, cal).filter((w) => w.openFrom <= today);
  if (windows.length === 0) return [];
  const rows = decidingRows(registry);
  const content = new Map(uniqueMeasures(registry).map((m) => [m.measureId, m.content]));
  const items: OwedItem[] = [];
  for (const w of windows) {
    const { period, dueDate, openFrom } = w;
    const businessDaysLeft = cal.businessDaysBetween(today, dueDate);
    const stage = stageOf(businessDaysLeft, registry.settings.escalationDays);
    const periodLabel = periodLabelOf(period);
    // The same decision as ダッシュボード and the reports: owed = not received (missing or pending).
    for (const s of periodSubmissions(registry, period, today, cal, rows).submissions) {
      if (s.state !== "missing" && s.state !== "pending") continue;
      const status: OwedStatus = s.status === "差戻し" ? "差戻し" : "未提出";
      items.push({
        measureId: s.measureId,
        content: content.get(s.measureId) ?? "",
        pillarId: s.pillarId,
        division: s.division,
        fy: period.fy,
        periodIndex: period.index,
        periodKey: period.key,
        periodLabel,
        dueDate,
        openFrom,
        businessDaysLeft,
        status,
        stage,
      });
    }
  }
  return items.sort(compareItems);
}
