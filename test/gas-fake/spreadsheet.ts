/** Spreadsheet and SpreadsheetApp. */
import { parseA1 } from "./a1";
import { DataValidationCriteria, FakeDataValidationBuilder } from "./data-validation";
import { gasEnum } from "./enums";
import { badParameters, GasError } from "./errors";
import type { Runtime } from "./runtime";
import { FakeSheet } from "./sheet";
import type { FakeUi } from "./ui";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

export type SpreadsheetMethods =
  | "getId"
  | "getUrl"
  | "getName"
  | "rename"
  | "getSheets"
  | "getNumSheets"
  | "getSheetByName"
  | "getSheetById"
  | "insertSheet"
  | "deleteSheet"
  | "getActiveSheet"
  | "setActiveSheet"
  | "getRange"
  | "toast"
  | "getSpreadsheetTimeZone"
  | "getSpreadsheetLocale";

/** cells per spreadsheet, all tabs together */
export const MAX_CELLS = 10_000_000;
/** a new tab is 1000 rows x 26 columns */
const DEFAULT_SHEET_CELLS = 1000 * 26;

export class FakeSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethods> {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet;
  private nextSheetId = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly ui: FakeUi,
    readonly id: string,
    public name: string,
    public timeZone: string,
    firstSheetName = "シート1",
  ) {
    this.active = this.addSheet(firstSheetName, 0);
  }

  // ---- fake-only helpers (not ledgered) ------------------------------------------------------

  gas(): GasSpreadsheet {
    return asGasSpreadsheet(this);
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** the tab with that name, for tests */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  assertFreeName(name: string, except?: FakeSheet): void {
    if (typeof name !== "string" || name.trim() === "")
      throw badParameters("Spreadsheet.insertSheet", [name]);
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new GasError(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
  }

  /**
   * Sheets holds "up to 10 million cells" per spreadsheet, counted over every tab's whole grid,
   * empty cells included (https://support.google.com/drive/answer/37603). `sheet` will hold
   * `cells` after the change.
   */
  assertCellLimit(sheet: FakeSheet | undefined, cells: number): void {
    let total = cells;
    for (const s of this.sheets) if (s !== sheet) total += s.maxRows * s.maxColumns;
    if (total > MAX_CELLS) {
      throw new GasError(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  addSheet(name: string, index: number): FakeSheet {
    this.assertCellLimit(undefined, DEFAULT_SHEET_CELLS);
    const sheet = new FakeSheet(this.rt, this, name, this.nextSheetId);
    this.nextSheetId += this.nextSheetId === 0 ? 1_000_001 : 1;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  private call<T>(method: string, body: () => T, detail?: string, sheet?: string): T {
    return this.rt.call("SpreadsheetApp", `Spreadsheet.${method}`, body, {
      ...(detail === undefined ? {} : { detail }),
      ...(sheet === undefined ? {} : { sheet }),
    });
  }

  // ---- GAS -----------------------------------------------------------------------------------

  getId(): string {
    return this.call("getId", () => this.id);
  }

  getUrl(): string {
    return this.call("getUrl", () => this.url);
  }

  getName(): string {
    return this.call("getName", () => this.name);
  }

  rename(newName: string): void {
    this.call("rename", () => {
      this.name = newName;
    });
  }

  getSheets(): GasSheet[] {
    return this.call("getSheets", () => this.sheets.map((s) => s.gas()));
  }

  getNumSheets(): number {
    return this.call("getNumSheets", () => this.sheets.length);
  }

  getSheetByName(name: string): GasSheet | null {
    return this.call("getSheetByName", () => this.sheet(name)?.gas() ?? null, name, name);
  }

  getSheetById(id: number): GasSheet | null {
    return this.call(
      "getSheetById",
      () => this.sheets.find((s) => s.sheetId === id)?.gas() ?? null,
    );
  }

  /**
   * insertSheet(), insertSheet(name), insertSheet(name, index), insertSheet(index). The new tab
   * becomes the active one, as in GAS. A taken name throws GAS's message.
   */
  insertSheet(
    a?: string | number | { template?: GasSheet },
    b?: number | { template?: GasSheet },
  ): GasSheet {
    const name = typeof a === "string" ? a : undefined;
    const index = typeof a === "number" ? a : typeof b === "number" ? b : this.sheets.length;
    return this.call(
      "insertSheet",
      () => {
        const finalName = name ?? this.freeDefaultName();
        this.assertFreeName(finalName);
        const sheet = this.addSheet(finalName, index);
        this.active = sheet;
        return sheet.gas();
      },
      name,
      name,
    );
  }

  private freeDefaultName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const candidate = `シート${n}`;
      if (!this.sheet(candidate)) return candidate;
    }
  }

  deleteSheet(gasSheet: GasSheet): void {
    const sheet = fakeSheet(gasSheet);
    this.call(
      "deleteSheet",
      () => {
        if (!sheet || !this.sheets.includes(sheet))
          throw badParameters("Spreadsheet.deleteSheet", [gasSheet]);
        if (this.sheets.filter((s) => !s.hidden && s !== sheet).length === 0) {
          throw new GasError("You can't remove all the visible sheets in a document.");
        }
        this.sheets.splice(this.sheets.indexOf(sheet), 1);
        if (this.active === sheet) this.active = this.sheets[0] ?? sheet;
      },
      sheet?.name,
      sheet?.name,
    );
  }

  getActiveSheet(): GasSheet {
    return this.call("getActiveSheet", () => this.active.gas());
  }

  setActiveSheet(gasSheet: GasSheet): GasSheet {
    return this.call("setActiveSheet", () => {
      const sheet = fakeSheet(gasSheet);
      if (!sheet) throw badParameters("Spreadsheet.setActiveSheet", [gasSheet]);
      this.active = sheet;
      return sheet.gas();
    });
  }

  /** "Sheet!A1:B2" or "A1:B2" (on the active sheet) */
  getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range {
    return this.call(
      "getRange",
      () => {
        const bang = a1Notation.lastIndexOf("!");
        const sheetName =
          bang >= 0 ? a1Notation.slice(0, bang).replace(/^'(.*)'$/, "$1") : undefined;
        const sheet = sheetName === undefined ? this.active : this.sheet(sheetName);
        const area = sheet && parseA1(a1Notation.slice(bang + 1), sheet.maxRows, sheet.maxColumns);
        if (!sheet || !area) throw new GasError("Range not found");
        return sheet.checkedRange(area.row, area.column, area.numRows, area.numColumns);
      },
      a1Notation,
    );
  }

  /** recorded on fake.ui.toasts */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.call("toast", () => {
      this.ui.toasts.push({
        message: String(msg),
        title: title ?? "",
        timeoutSeconds: timeoutSeconds ?? 5,
      });
    });
  }

  getSpreadsheetTimeZone(): string {
    return this.call("getSpreadsheetTimeZone", () => this.timeZone);
  }

  getSpreadsheetLocale(): string {
    return this.call("getSpreadsheetLocale", () => "ja_JP");
  }
}

/** the fake behind a GAS-typed sheet we handed out */
export function fakeSheet(sheet: unknown): FakeSheet | undefined {
  return sheet instanceof FakeSheet ? sheet : undefined;
}

/** One cast: FakeSpreadsheet implements only SpreadsheetMethods. */
export function asGasSpreadsheet(ss: FakeSpreadsheet): GasSpreadsheet {
  return ss as unknown as GasSpreadsheet;
}

export interface SpreadsheetRegistry {
  get(id: string): FakeSpreadsheet | undefined;
  create(name: string): FakeSpreadsheet;
}

export type SpreadsheetAppMethods =
  | "DataValidationCriteria"
  | "ProtectionType"
  | "getActive"
  | "getActiveSpreadsheet"
  | "getActiveSheet"
  | "getUi"
  | "newDataValidation"
  | "flush"
  | "openById"
  | "openByUrl"
  | "create";

export class FakeSpreadsheetApp
  implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, SpreadsheetAppMethods>
{
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = gasEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>([
    "RANGE",
    "SHEET",
  ]);

  constructor(
    private readonly rt: Runtime,
    private readonly active: FakeSpreadsheet,
    private readonly ui: FakeUi,
    private readonly registry: SpreadsheetRegistry,
  ) {}

  private call<T>(method: string, body: () => T, detail?: string): T {
    return this.rt.call(
      "SpreadsheetApp",
      `SpreadsheetApp.${method}`,
      body,
      detail === undefined ? {} : { detail },
    );
  }

  getActive(): GasSpreadsheet {
    return this.call("getActive", () => this.active.gas());
  }

  getActiveSpreadsheet(): GasSpreadsheet {
    return this.call("getActiveSpreadsheet", () => this.active.gas());
  }

  getActiveSheet(): GasSheet {
    return this.call("getActiveSheet", () => this.active.active.gas());
  }

  getUi(): GoogleAppsScript.Base.Ui {
    // One cast: FakeUi implements only UiMethods of GAS's Ui.
    return this.call("getUi", () => this.ui as unknown as GoogleAppsScript.Base.Ui);
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return this.call(
      "newDataValidation",
      // One cast: the builder implements only DataValidationBuilderMethods.
      () =>
        new FakeDataValidationBuilder(
          this.rt,
        ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder,
    );
  }

  /** writes are applied at once in the fake; the clock is charged the commit (costs.ts) */
  flush(): void {
    this.call("flush", () => undefined);
  }

  openById(id: string): GasSpreadsheet {
    return this.call("openById", () => this.open(id, "openById"), id);
  }

  openByUrl(url: string): GasSpreadsheet {
    return this.call(
      "openByUrl",
      () => {
        const id = /\/d\/([^/]+)/.exec(url)?.[1] ?? "";
        return this.open(id, "openByUrl");
      },
      url,
    );
  }

  private open(id: string, method: string): GasSpreadsheet {
    const ss = this.registry.get(id);
    if (!ss) {
      throw new GasError(
        `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
      );
    }
    return ss.gas();
  }

  create(name: string): GasSpreadsheet {
    return this.call("create", () => this.registry.create(name).gas(), name);
  }
}
