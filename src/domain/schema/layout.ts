/** How a tab should look in Sheets or .xlsx, derived from the schema (see template/). */
/** How a tab should look: the schema's header row, widths, dropdowns and formats. */
export interface SheetLayout {
  readonly headers: readonly string[];
  /** pixels, one per header */
  readonly widths: readonly number[];
  readonly tabColor: string;
  /** 1-based columns kept as plain text ("@"), so Sheets never turns 1-1 into a date */
  readonly textColumns: readonly number[];
  /** 1-based columns that wrap long text */
  readonly wrapColumns: readonly number[];
  readonly dropdowns: readonly Dropdown[];
  /** whether people should edit it (app-written sheets are protected with a warning) */
  readonly appOwned: boolean;
  /** how the tab prints where the platform lets us say it (.xlsx); Sheets asks at print time */
  readonly print?: PrintLayout;
}

/** A4 landscape, every column on one page width, the header row on every page. */
export interface PrintLayout {
  readonly paper: "A4";
  readonly orientation: "landscape";
  /** pages across: 1 fits all columns to the page width; pages down are as many as needed */
  readonly pagesWide: 1;
  /** rows repeated at the top of every page (1: the header) */
  readonly repeatRows: number;
}

export const REGISTRY_PRINT: PrintLayout = {
  paper: "A4",
  orientation: "landscape",
  pagesWide: 1,
  repeatRows: 1,
};

export type Dropdown =
  | {
      readonly col: number;
      readonly kind: "list";
      readonly values: readonly string[];
      readonly help: string;
    }
  | {
      readonly col: number;
      readonly kind: "range";
      /** tab name and 1-based column of the list's source, from row 2 down */
      readonly sheet: string;
      readonly sourceCol: number;
      readonly help: string;
    };
