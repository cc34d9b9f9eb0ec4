/** Minimal Protection: enough for "protect the app-owned tabs, warning only". */
import type { Runtime } from "./runtime";

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

export type ProtectionMethods =
  | "setDescription"
  | "getDescription"
  | "setWarningOnly"
  | "isWarningOnly"
  | "addEditor"
  | "removeEditors"
  | "getEditors"
  | "canEdit"
  | "remove"
  | "getProtectionType"
  | "getRange";

export class FakeProtection implements Pick<GasProtection, ProtectionMethods> {
  description = "";
  warningOnly = false;
  editors: string[] = [];
  removed = false;

  constructor(
    private readonly rt: Runtime,
    readonly type: "RANGE" | "SHEET",
    private readonly range: GoogleAppsScript.Spreadsheet.Range,
  ) {}

  private step(method: string, change: () => void): GasProtection {
    return this.rt.call("SpreadsheetApp", `Protection.${method}`, () => {
      change();
      return asGasProtection(this);
    });
  }

  setDescription(description: string): GasProtection {
    return this.step("setDescription", () => {
      this.description = description;
    });
  }

  getDescription(): string {
    return this.rt.call("SpreadsheetApp", "Protection.getDescription", () => this.description);
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    return this.step("setWarningOnly", () => {
      this.warningOnly = warningOnly;
    });
  }

  isWarningOnly(): boolean {
    return this.rt.call("SpreadsheetApp", "Protection.isWarningOnly", () => this.warningOnly);
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    return this.step("addEditor", () => {
      this.editors.push(typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail());
    });
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    return this.step("removeEditors", () => {
      const drop = new Set(emailAddresses.map((e) => (typeof e === "string" ? e : e.getEmail())));
      this.editors = this.editors.filter((e) => !drop.has(e));
    });
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.rt.call("SpreadsheetApp", "Protection.getEditors", () =>
      this.editors.map((email) => userOf(email)),
    );
  }

  canEdit(): boolean {
    return this.rt.call("SpreadsheetApp", "Protection.canEdit", () => true);
  }

  remove(): void {
    this.rt.call("SpreadsheetApp", "Protection.remove", () => {
      this.removed = true;
    });
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.rt.call(
      "SpreadsheetApp",
      "Protection.getProtectionType",
      () => this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType, // string enum (enums.ts)
    );
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.rt.call("SpreadsheetApp", "Protection.getRange", () => this.range);
  }
}

/** One cast: FakeProtection implements only ProtectionMethods. */
function asGasProtection(p: FakeProtection): GasProtection {
  return p as unknown as GasProtection;
}

export function protectionGas(p: FakeProtection): GasProtection {
  return asGasProtection(p);
}

/** a plain User value object (its getEmail is not a service call) */
export function userOf(email: string): GoogleAppsScript.Base.User {
  return { getEmail: () => email, getUserLoginId: () => email };
}
