/**
 * Sheet.getRangeList(a1Notations): several ranges of one tab changed by one call each
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list). Each call is one
 * ledger entry and one buffered write over all its cells; Tanaike's "Best Practices for
 * Discontinuous Cells" (https://gist.github.com/tanaikech/dba916ae25f7351819e062b42bb5be10)
 * found RangeList the cheap way to touch scattered cells.
 */
import { toA1 } from "./a1";
import { asGasRange, type FakeRange } from "./range";
import type { Runtime } from "./runtime";
import type { FakeSheet } from "./sheet";

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type RangeListMethods = "getRanges" | "setBackground" | "setNote" | "clearNote";

/** ledger detail: the first few ranges, then a count */
const DETAIL_RANGES = 5;

export class FakeRangeList implements Pick<GasRangeList, RangeListMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly sheet: FakeSheet,
    private readonly ranges: readonly FakeRange[],
  ) {}

  private call<T>(method: string, body: () => T): T {
    const a1 = this.ranges.map((r) => toA1(r.area));
    const more = a1.length > DETAIL_RANGES ? ` (+${a1.length - DETAIL_RANGES})` : "";
    return this.rt.call("SpreadsheetApp", `RangeList.${method}`, body, {
      detail: `${this.sheet.name}!${a1.slice(0, DETAIL_RANGES).join(",")}${more}`,
      sheet: this.sheet.name,
      cells: this.ranges.reduce((n, r) => n + r.area.numRows * r.area.numColumns, 0),
    });
  }

  private self(): GasRangeList {
    return this as unknown as GasRangeList;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.call("getRanges", () => this.ranges.map(asGasRange));
  }

  setBackground(color: string | null): GasRangeList {
    return this.call("setBackground", () => {
      for (const r of this.ranges) r.paint("background", color);
      return this.self();
    });
  }

  setNote(note: string | null): GasRangeList {
    return this.call("setNote", () => {
      for (const r of this.ranges) r.paint("note", note);
      return this.self();
    });
  }

  clearNote(): GasRangeList {
    return this.call("clearNote", () => {
      for (const r of this.ranges) r.paint("note", null);
      return this.self();
    });
  }
}
