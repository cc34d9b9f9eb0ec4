/**
 * A registry read once, for commands that only read it and append rows to 出力 (report, deck).
 * Reading: the zip is opened with JSZip and each part fed to the steps of exceljs's streaming
 * reader (styles, shared strings, then the registry's tabs; see ReaderSteps). Only cell values
 * are kept, as XlsxRegistryStore.read gives them: at 1000× the plan (168,000 進捗 rows) this
 * reads in about 10 s and 220 MB where exceljs's document model takes 12-16 s and 1.2 GB.
 * Saving: only the rows appended (or an app-owned tab's rows replaced) are written (see
 * xlsx-append.ts); the rest of the file is copied as it was, still compressed.
 */
import { PassThrough, Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { RawSheet } from "../domain/registry";
import { type SheetKey, sheetKeyOfName } from "../domain/schema";
import type { AnnotatedTab, Dropdown, RegistryStore, SheetLayout } from "../ports";
import { sheetParts, type XlsxParts } from "./xlsx-parts";
import { cellToGas, trimmedSheet } from "./xlsx-store";

/**
 * Rows written to one tab since the read, and the 1-based sheet row of the first: appended, or
 * (`replace`) replacing every row from firstRow down, as ダッシュボード is rewritten.
 */
export interface PendingAppend {
  readonly sheet: string;
  readonly firstRow: number;
  readonly rows: readonly (readonly unknown[])[];
  readonly replace?: boolean;
}

/**
 * The steps of exceljs's streaming WorkbookReader (exceljs 4.4.0, pinned), driven here part by
 * part instead of through its parse(): that one decodes each zip chunk to text on its own, so a
 * character split across two chunks turns into U+FFFD (exceljs issue: multi-byte characters
 * in streamed shared strings), and it parks every sheet in a temporary file when the shared
 * strings come after the sheets, as exceljs itself writes them. Fed whole characters (a
 * StringDecoder) in the order styles, shared strings, sheets, it reads what the full reader
 * reads; test/office/xlsx-snapshot.test.ts compares the two.
 */
interface ReaderSteps {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/** A zip part as text, in chunks that never split a character. */
async function* textOf(zip: JSZip, path: string): AsyncGenerator<string> {
  const file = zip.file(path);
  if (!file) return;
  const decoder = new StringDecoder("utf8");
  // JSZip's stream is not a Node stream.Readable; a PassThrough makes it one
  const bytes = file.nodeStream("nodebuffer").pipe(new PassThrough());
  for await (const chunk of bytes) {
    const text = decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const textStream = (zip: JSZip, path: string): Readable => Readable.from(textOf(zip, path));

async function streamValues(
  zip: JSZip,
  parts: XlsxParts,
  only?: readonly string[],
): Promise<Map<string, RawSheet> | undefined> {
  const wanted = parts.sheets.filter((s) =>
    only ? only.includes(s.name) : sheetKeyOfName(s.name) !== undefined,
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader("", {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  }) as unknown as ReaderSteps;
  await reader._parseRels(textStream(zip, "xl/_rels/workbook.xml.rels"));
  await reader._parseWorkbook(textStream(zip, "xl/workbook.xml"));
  if (zip.file("xl/styles.xml")) await reader._parseStyles(textStream(zip, "xl/styles.xml"));
  if (zip.file("xl/sharedStrings.xml"))
    for await (const _ of reader._parseSharedStrings(textStream(zip, "xl/sharedStrings.xml"))) {
      // cached by the reader: nothing is emitted
    }
  const sheets = new Map<string, RawSheet>();
  for (const part of wanted) {
    const sheetNo = /sheet(\d+)\.xml$/.exec(part.path)?.[1];
    if (sheetNo === undefined) return undefined;
    for (const { value: ws } of reader._parseWorksheet(textOf(zip, part.path), sheetNo)) {
      const rows: unknown[][] = [];
      for await (const row of ws) {
        const cells: unknown[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellToGas(cell.value);
        });
        rows[row.number - 1] = cells;
      }
      sheets.set(part.name, trimmedSheet(part.name, rows));
    }
  }
  return wanted.every((s) => sheets.has(s.name)) ? sheets : undefined;
}

export class XlsxSnapshot implements RegistryStore {
  private readonly appended: PendingAppend[] = [];

  private constructor(
    private readonly names: readonly string[],
    private readonly sheets: Map<string, RawSheet>,
    /** the file as read, for the save that copies it */
    readonly source: { readonly zip: JSZip; readonly parts: XlsxParts },
  ) {}

  /**
   * Reads an .xlsx from its bytes; undefined when it is not a zip this reader understands
   * (the caller then opens it with XlsxRegistryStore, which reads every layout or says why not).
   */
  static async tryOpen(data: Uint8Array): Promise<XlsxSnapshot | undefined> {
    try {
      const zip = await JSZip.loadAsync(data);
      const parts = await sheetParts(zip);
      const sheets = parts ? await streamValues(zip, parts) : undefined;
      if (!parts || !sheets) return undefined;
      return new XlsxSnapshot(
        parts.sheets.map((s) => s.name),
        sheets,
        { zip, parts },
      );
    } catch {
      return undefined;
    }
  }

  /**
   * Some tabs of a saved file, read back: every part's checksum is verified on the way
   * (JSZip checkCRC32), so a file damaged on disk is caught, not only the tabs read.
   */
  static async readBack(
    data: Uint8Array,
    names: readonly string[],
  ): Promise<Map<string, RawSheet> | undefined> {
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    const parts = await sheetParts(zip);
    return parts ? streamValues(zip, parts, names) : undefined;
  }

  /** the rows appended since the read, in order */
  pendingAppends(): readonly PendingAppend[] {
    return this.appended;
  }

  sheetNames(): string[] {
    return [...this.names];
  }

  readAll(skip: readonly SheetKey[] = []): RawSheet[] {
    return this.names.flatMap((name) => {
      const key = sheetKeyOfName(name);
      const sheet = this.sheets.get(name);
      return key && sheet && !skip.includes(key) ? [sheet] : [];
    });
  }

  read(name: string): RawSheet | undefined {
    return this.sheets.get(name);
  }

  appendRows(name: string, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`シート「${name}」が見つかりません。`);
    this.appended.push({ sheet: name, firstRow: sheet.values.length + 1, rows: values });
    this.sheets.set(name, { name, values: [...sheet.values, ...values.map((r) => [...r])] });
  }

  private readOnly(): never {
    throw new Error("XlsxSnapshot only appends rows: open the registry with XlsxRegistryStore");
  }
  createSheet(_n: string, _l: SheetLayout, _v: readonly (readonly unknown[])[]): void {
    this.readOnly();
  }
  applyLayout(_n: string, _l: SheetLayout): void {
    this.readOnly();
  }
  setDropdowns(_n: string, _d: readonly Dropdown[]): void {
    this.readOnly();
  }
  writeCells(_n: string, _r: number, _c: number, _v: readonly (readonly unknown[])[]): void {
    this.readOnly();
  }
  annotate(_tabs: readonly AnnotatedTab[]): void {
    this.readOnly();
  }
  /** Everything below the header becomes `values` (an app-owned tab such as ダッシュボード). */
  replaceRows(name: string, values: readonly (readonly unknown[])[]): void {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`シート「${name}」が見つかりません。`);
    this.appended.push({ sheet: name, firstRow: 2, rows: values, replace: true });
    this.sheets.set(name, {
      name,
      values: [...sheet.values.slice(0, 1), ...values.map((r) => [...r])],
    });
  }
}
