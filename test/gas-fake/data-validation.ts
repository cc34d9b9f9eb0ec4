/** SpreadsheetApp.newDataValidation() builder and the DataValidation rules it builds. */
import { gasEnum } from "./enums";
import { badParameters } from "./errors";
import type { Runtime } from "./runtime";
import { isDate, type StoredValue } from "./user-entered";

type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

export const CRITERIA_NAMES = [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
] as const;

export type CriteriaName = (typeof CRITERIA_NAMES)[number];

export const DataValidationCriteria =
  gasEnum<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(CRITERIA_NAMES);

interface Rule {
  criteria: CriteriaName | undefined;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export type DataValidationMethods =
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "getAllowInvalid"
  | "copy";

export class FakeDataValidation implements Pick<GasDataValidation, DataValidationMethods> {
  constructor(
    private readonly rt: Runtime,
    readonly rule: Readonly<Rule>,
  ) {}

  getCriteriaType(): Criteria {
    return this.rt.call("SpreadsheetApp", "DataValidation.getCriteriaType", () =>
      criteriaValue(this.rule.criteria ?? "CUSTOM_FORMULA"),
    );
  }

  getCriteriaValues(): unknown[] {
    return this.rt.call("SpreadsheetApp", "DataValidation.getCriteriaValues", () => [
      ...this.rule.args,
    ]);
  }

  getHelpText(): string {
    return this.rt.call("SpreadsheetApp", "DataValidation.getHelpText", () => this.rule.helpText);
  }

  getAllowInvalid(): boolean {
    return this.rt.call(
      "SpreadsheetApp",
      "DataValidation.getAllowInvalid",
      () => this.rule.allowInvalid,
    );
  }

  copy(): GasBuilder {
    return this.rt.call("SpreadsheetApp", "DataValidation.copy", () =>
      asGasBuilder(
        new FakeDataValidationBuilder(this.rt, { ...this.rule, args: [...this.rule.args] }),
      ),
    );
  }

  /** would Sheets reject this value (only when allowInvalid is false)? */
  rejects(value: StoredValue): boolean {
    return !this.rule.allowInvalid && !satisfies(this.rule, value);
  }
}

export type DataValidationBuilderMethods =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateBetween"
  | "requireDateOnOrAfter"
  | "requireDateOnOrBefore"
  | "requireFormulaSatisfied"
  | "requireNumberBetween"
  | "requireNumberEqualTo"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThan"
  | "requireNumberLessThanOrEqualTo"
  | "requireTextContains"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria";

export class FakeDataValidationBuilder implements Pick<GasBuilder, DataValidationBuilderMethods> {
  private rule: Rule;

  constructor(
    private readonly rt: Runtime,
    rule?: Rule,
  ) {
    this.rule = rule ?? { criteria: undefined, args: [], allowInvalid: true, helpText: "" };
  }

  private step(method: string, change: (rule: Rule) => void): GasBuilder {
    return this.rt.call("SpreadsheetApp", `DataValidationBuilder.${method}`, () => {
      change(this.rule);
      return asGasBuilder(this);
    });
  }

  private require(method: string, criteria: CriteriaName, args: unknown[]): GasBuilder {
    return this.step(method, (r) => {
      r.criteria = criteria;
      r.args = args;
    });
  }

  build(): GasDataValidation {
    return this.rt.call("SpreadsheetApp", "DataValidationBuilder.build", () => {
      if (this.rule.criteria === undefined) {
        throw badParameters("DataValidationBuilder.build", []);
      }
      return asGasValidation(
        new FakeDataValidation(this.rt, { ...this.rule, args: [...this.rule.args] }),
      );
    });
  }

  copy(): GasBuilder {
    return this.rt.call("SpreadsheetApp", "DataValidationBuilder.copy", () =>
      asGasBuilder(
        new FakeDataValidationBuilder(this.rt, { ...this.rule, args: [...this.rule.args] }),
      ),
    );
  }

  getAllowInvalid(): boolean {
    return this.rt.call(
      "SpreadsheetApp",
      "DataValidationBuilder.getAllowInvalid",
      () => this.rule.allowInvalid,
    );
  }

  getCriteriaType(): Criteria {
    return this.rt.call("SpreadsheetApp", "DataValidationBuilder.getCriteriaType", () =>
      criteriaValue(this.rule.criteria ?? "CUSTOM_FORMULA"),
    );
  }

  getCriteriaValues(): unknown[] {
    return this.rt.call("SpreadsheetApp", "DataValidationBuilder.getCriteriaValues", () => [
      ...this.rule.args,
    ]);
  }

  getHelpText(): string | null {
    return this.rt.call(
      "SpreadsheetApp",
      "DataValidationBuilder.getHelpText",
      () => this.rule.helpText || null,
    );
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): GasBuilder {
    const args = [checked, unchecked].filter((a) => a !== undefined);
    return this.require("requireCheckbox", "CHECKBOX", args);
  }

  requireDate(): GasBuilder {
    return this.require("requireDate", "DATE_IS_VALID_DATE", []);
  }

  requireDateBetween(
    start: GoogleAppsScript.Base.Date,
    end: GoogleAppsScript.Base.Date,
  ): GasBuilder {
    return this.require("requireDateBetween", "DATE_BETWEEN", [start, end]);
  }

  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): GasBuilder {
    return this.require("requireDateOnOrAfter", "DATE_ON_OR_AFTER", [date]);
  }

  requireDateOnOrBefore(date: GoogleAppsScript.Base.Date): GasBuilder {
    return this.require("requireDateOnOrBefore", "DATE_ON_OR_BEFORE", [date]);
  }

  requireFormulaSatisfied(formula: string): GasBuilder {
    return this.require("requireFormulaSatisfied", "CUSTOM_FORMULA", [formula]);
  }

  requireNumberBetween(start: number, end: number): GasBuilder {
    return this.require("requireNumberBetween", "NUMBER_BETWEEN", [start, end]);
  }

  requireNumberEqualTo(n: number): GasBuilder {
    return this.require("requireNumberEqualTo", "NUMBER_EQUAL_TO", [n]);
  }

  requireNumberGreaterThan(n: number): GasBuilder {
    return this.require("requireNumberGreaterThan", "NUMBER_GREATER_THAN", [n]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): GasBuilder {
    return this.require("requireNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [
      n,
    ]);
  }

  requireNumberLessThan(n: number): GasBuilder {
    return this.require("requireNumberLessThan", "NUMBER_LESS_THAN", [n]);
  }

  requireNumberLessThanOrEqualTo(n: number): GasBuilder {
    return this.require("requireNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [n]);
  }

  requireTextContains(text: string): GasBuilder {
    return this.require("requireTextContains", "TEXT_CONTAINS", [text]);
  }

  requireTextIsEmail(): GasBuilder {
    return this.require("requireTextIsEmail", "TEXT_IS_VALID_EMAIL", []);
  }

  requireTextIsUrl(): GasBuilder {
    return this.require("requireTextIsUrl", "TEXT_IS_VALID_URL", []);
  }

  requireValueInList(values: string[], showDropdown = true): GasBuilder {
    if (!Array.isArray(values))
      throw badParameters("DataValidationBuilder.requireValueInList", [values]);
    return this.require("requireValueInList", "VALUE_IN_LIST", [[...values], showDropdown]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): GasBuilder {
    return this.require("requireValueInRange", "VALUE_IN_RANGE", [range, showDropdown]);
  }

  setAllowInvalid(allowInvalidData: boolean): GasBuilder {
    return this.step("setAllowInvalid", (r) => {
      r.allowInvalid = allowInvalidData;
    });
  }

  setHelpText(helpText: string): GasBuilder {
    return this.step("setHelpText", (r) => {
      r.helpText = helpText;
    });
  }

  withCriteria(criteria: Criteria, args: unknown[]): GasBuilder {
    return this.require("withCriteria", String(criteria) as CriteriaName, [...args]);
  }
}

function criteriaValue(name: CriteriaName): Criteria {
  return name as unknown as Criteria; // same representation as gasEnum (see enums.ts)
}

/** One cast each: the fakes implement only a Pick of these GAS interfaces. */
export function asGasValidation(v: FakeDataValidation): GasDataValidation {
  return v as unknown as GasDataValidation;
}

function asGasBuilder(b: FakeDataValidationBuilder): GasBuilder {
  return b as unknown as GasBuilder;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** the checks Sheets applies; criteria we do not model accept everything */
function satisfies(rule: Readonly<Rule>, value: StoredValue): boolean {
  if (value === "") return true;
  const [a, b] = rule.args;
  const n = typeof value === "number" ? value : Number.NaN;
  switch (rule.criteria) {
    case "VALUE_IN_LIST":
      return Array.isArray(a) && a.map(String).includes(cellText(value));
    case "NUMBER_BETWEEN":
      return n >= Number(a) && n <= Number(b);
    case "NUMBER_NOT_BETWEEN":
      return !Number.isNaN(n) && (n < Number(a) || n > Number(b));
    case "NUMBER_EQUAL_TO":
      return n === Number(a);
    case "NUMBER_GREATER_THAN":
      return n > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n >= Number(a);
    case "NUMBER_LESS_THAN":
      return n < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n <= Number(a);
    case "DATE_IS_VALID_DATE":
      return isDate(value);
    case "TEXT_IS_VALID_EMAIL":
      return typeof value === "string" && EMAIL.test(value);
    case "CHECKBOX":
      return typeof value === "boolean" || (rule.args.length > 0 && rule.args.includes(value));
    default:
      return true;
  }
}

function cellText(value: StoredValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
