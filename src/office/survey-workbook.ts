/**
 * The answer workbook offline (exceljs): 記入方法, the answer sheet with its locked columns
 * greyed and protected (only the answer cells unlocked) and dropdowns, and the hidden stamp.
 * Reading a returned file hands every tab to the domain as getValues()-style cells.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { columnLetters } from "../domain/problem";
import type { ReturnedFile, SurveyFile } from "../domain/survey";
import type { OutputFile, SurveyWriter } from "../ports";
import { safeFileName } from "./reports/file-name";
import { XlsxRegistryStore } from "./xlsx-store";

const LOCKED_FILL = "FFD9D9D9";
const HEADER_FILL = "FFE8F0FE";
const TOKYO_OFFSET_MS = 9 * 3600 * 1000;

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  // Excel keeps wall-clock time; our Dates are instants, so keep the Tokyo day (as xlsx-store).
  if (Object.prototype.toString.call(v) === "[object Date]")
    return new Date((v as Date).getTime() + TOKYO_OFFSET_MS);
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export class XlsxSurveyWriter implements SurveyWriter {
  private readonly names = new Set<string>();

  constructor(private readonly dir: string) {}

  async writeSurvey(file: SurveyFile): Promise<OutputFile> {
    const wb = new ExcelJS.Workbook();
    wb.creator = "genki-plan";
    this.instructions(wb, file);
    await this.answerSheet(wb, file);
    const stamp = wb.addWorksheet(file.stamp.name, { state: "hidden" });
    file.stamp.values.forEach((r, i) => {
      r.forEach((v, j) => {
        const cell = stamp.getCell(i + 1, j + 1);
        cell.numFmt = "@";
        cell.value = v;
      });
    });
    await stamp.protect("", {});
    let base = safeFileName(file.title, file.division);
    if (this.names.has(base)) base = safeFileName(`${base} (${this.names.size + 1})`, base);
    this.names.add(base);
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, `${base}.xlsx`);
    await wb.xlsx.writeFile(path);
    return { name: file.title, url: path };
  }

  private instructions(wb: ExcelJS.Workbook, file: SurveyFile): void {
    const ws = wb.addWorksheet(file.instructions.name);
    ws.getColumn(1).width = 18;
    ws.getColumn(2).width = 90;
    file.instructions.values.forEach((r, i) => {
      r.forEach((v, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = cellValue(v);
        cell.alignment = { vertical: "top", wrapText: j === 1 };
        if (j === 0) cell.font = { bold: true };
      });
    });
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.pageSetup = {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }

  private async answerSheet(wb: ExcelJS.Workbook, file: SurveyFile): Promise<void> {
    const sheet = file.answerSheet;
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
    sheet.widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.max(6, Math.round(w / 7));
    });
    for (const c of sheet.textCols) ws.getColumn(c).numFmt = "@";
    const locked = new Set(sheet.lockedCols);
    sheet.values.forEach((r, i) => {
      r.forEach((v, j) => {
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = cellValue(v);
        cell.alignment = { vertical: "top", wrapText: true };
        if (i === 0) {
          cell.font = { bold: true };
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        } else if (locked.has(j + 1)) {
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: LOCKED_FILL } };
        } else {
          cell.protection = { locked: false };
        }
      });
    });
    ws.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    };
    const last = sheet.values.length;
    for (const d of sheet.dropdowns) {
      if (d.kind !== "list") continue;
      for (let r = 2; r <= last; r++) {
        ws.getCell(r, d.col).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${d.values.join(",")}"`],
          showInputMessage: true,
          prompt: d.help.slice(0, 255),
          showErrorMessage: true,
          errorStyle: "stop",
          error: d.help.slice(0, 255),
        };
      }
    }
    if (last > 1) {
      ws.autoFilter = `A1:${columnLetters(sheet.values[0]?.length ?? 1)}${last}`;
    }
    // No password: the protection guards against slips; the stamp catches the rest.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: false,
      insertRows: false,
      deleteRows: false,
    });
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: 1,
        visibility: "visible",
      },
    ];
  }
}

/** Reads a returned workbook; throws (like XlsxRegistryStore.open) when it is not an .xlsx. */
export async function readReturnedFile(path: string): Promise<ReturnedFile> {
  const store = await XlsxRegistryStore.open(path);
  const sheets = store.sheetNames().flatMap((name) => {
    const s = store.read(name);
    return s ? [s] : [];
  });
  return { source: path, sheets };
}
