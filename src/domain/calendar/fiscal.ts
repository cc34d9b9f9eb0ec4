/** Japanese fiscal years (年度): FY2012 runs from 2012-04-01 to 2013-03-31. */
import { type PlainDate, parts, toPlainDate } from "./plain-date";

/** The fiscal year a date falls in: 2013-03-31 is FY2012, 2013-04-01 is FY2013. */
export function fiscalYearOf(date: PlainDate): number {
  const { y, m } = parts(date);
  return m >= 4 ? y : y - 1;
}

function checkFy(fy: number): void {
  if (!Number.isInteger(fy) || fy < 1 || fy > 9998) {
    throw new RangeError(`Not a fiscal year: ${fy}`);
  }
}

/** First day of a fiscal year: "fy-04-01". */
export function fiscalYearStart(fy: number): PlainDate {
  checkFy(fy);
  return toPlainDate(fy, 4, 1) as PlainDate;
}

/** Last day of a fiscal year: "(fy+1)-03-31". */
export function fiscalYearEnd(fy: number): PlainDate {
  checkFy(fy);
  return toPlainDate(fy + 1, 3, 31) as PlainDate;
}

/** True when the date lies in the fiscal year. */
export function isInFiscalYear(date: PlainDate, fy: number): boolean {
  return fiscalYearOf(date) === fy;
}
