/**
 * Row heights for wrapped text. Excel grows a row to fit wrapped text on its own, LibreOffice
 * does not when it opens an .xlsx: a 取組内容 or 説明 then prints as one cut line. So before a
 * save, each row holding wrapped text is made tall enough for it (never shorter than it is, so a
 * height someone set by hand is kept).
 */
import type ExcelJS from "exceljs";
import { displayWidth } from "../domain/reports/text";

/** points per line of the default 11-pt font, as Excel's default row height */
export const LINE_PT = 15;
/** Excel's column width unit is one half-width character; full-width characters take two */
const UNITS_PER_FULL_WIDTH = 2;

/** How many lines `text` takes in a wrapped column `columnWidth` units wide. */
export function linesOf(text: string, columnWidth: number): number {
  const room = Math.max(1, columnWidth - 1);
  return text
    .split("\n")
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * UNITS_PER_FULL_WIDTH) / room)),
      0,
    );
}

export function fitWrappedRows(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const wrapped = new Map<number, number>();
    ws.columns?.forEach((col, i) => {
      if (col.alignment?.wrapText && col.width) wrapped.set(i + 1, col.width);
    });
    if (wrapped.size === 0) continue;
    ws.eachRow({ includeEmpty: false }, (row) => {
      let lines = 1;
      for (const [col, width] of wrapped) {
        const value = row.getCell(col).value;
        if (typeof value === "string" && value !== "") {
          lines = Math.max(lines, linesOf(value, width));
        }
      }
      if (lines > 1) row.height = Math.max(row.height ?? LINE_PT, lines * LINE_PT);
    });
  }
}
