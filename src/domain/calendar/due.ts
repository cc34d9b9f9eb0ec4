/** Due dates of progress reports: the end of the period plus N business days. */
import type { BusinessCalendar } from "./business";
import type { PlainDate } from "./plain-date";

/**
 * The due date of a period's report: period end + N business days (提出期限(期末から営業日)).
 * N = 0: the end date itself if it is a business day, otherwise the next business day.
 * Q1 FY2025 ends on 2025-06-30 (a Monday); with N = 10 the report is due 2025-07-14.
 */
export function dueDateOfPeriod(
  period: { readonly end: PlainDate },
  businessDaysAfterEnd: number,
  cal: BusinessCalendar,
): PlainDate {
  return cal.addBusinessDays(period.end, businessDaysAfterEnd);
}
