/**
 * The ports: everything the use cases need from the outside world. GAS adapters (src/gas)
 * and offline adapters (src/office) implement them; tests use the GAS fake or small fakes.
 */
import type { CellMark } from "./domain/annotations";
import type { RawSheet } from "./domain/registry";
import type { DeckModel, PillarReport } from "./domain/reports";
import type { Dropdown, SheetKey, SheetLayout } from "./domain/schema";
import type { EditContext } from "./domain/validate/edit";

export type { Dropdown, SheetLayout } from "./domain/schema";

export interface RegistryStore {
  /** tab names in order */
  sheetNames(): string[];
  /**
   * The registry's tabs, getValues()-style: one read per tab. Tabs that are not part of the
   * registry are not read, nor those in `skip` (the app-written logs grow without end).
   */
  readAll(skip?: readonly SheetKey[]): RawSheet[];
  /** one tab's values: one read */
  read(name: string): RawSheet | undefined;
  /** a new tab with its layout and rows (header first): one batched write for the values */
  createSheet(name: string, layout: SheetLayout, values: readonly (readonly unknown[])[]): void;
  /** re-applies widths, text formats and header style to an existing tab */
  applyLayout(name: string, layout: SheetLayout): void;
  /** sets the dropdowns (after every tab exists, since some lists come from other tabs) */
  setDropdowns(name: string, dropdowns: readonly Dropdown[]): void;
  /** overwrites a rectangle starting at (row, col), 1-based: one batched write */
  writeCells(name: string, row: number, col: number, values: readonly (readonly unknown[])[]): void;
  /**
   * Marks problem cells (note + colour) and clears the app's old marks on fixed cells, keeping
   * people's own notes and colours. `values` is what the check read, so the block is known.
   */
  annotate(name: string, marks: readonly CellMark[], values: readonly (readonly unknown[])[]): void;
  /** replaces everything below the header with these rows (blanking old extra rows): one write */
  replaceRows(name: string, values: readonly (readonly unknown[])[]): void;
  /** appends rows below the last row: one batched write */
  appendRows(name: string, values: readonly (readonly unknown[])[]): void;
}

export interface Clock {
  now(): Date;
}

export interface Progress {
  /** a short status line (a toast in Sheets, a line on stderr offline) */
  report(message: string): void;
}

export interface Lock {
  /** runs fn holding the lock; returns undefined when the lock could not be had in time */
  withLock<T>(fn: () => T): T | undefined;
  /** the same for async work: the lock is held until the promise settles */
  withLockAsync<T>(fn: () => Promise<T>): Promise<T | undefined>;
}

export interface Properties {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/** Where the onEdit check keeps its EditContext between edits (CacheService in GAS). */
export interface EditContextCache {
  get(): EditContext | null;
  put(ctx: EditContext): void;
  clear(): void;
}

/** Marks on a block of cells just edited; reads only that block. */
export interface CellMarker {
  markBlock(
    sheet: string,
    top: number,
    left: number,
    rows: number,
    cols: number,
    marks: readonly CellMark[],
  ): void;
}

/** Installable triggers (GAS only; offline there is nothing to schedule). */
export interface Triggers {
  /** handler names with a trigger of this kind already installed */
  installed(): readonly { handler: string; kind: "daily" | "onEdit" | "once" }[];
  installDaily(handler: string, hour: number): void;
  installOnEdit(handler: string): void;
}

/** One e-mail, as the use case hands it to a mailer. */
export interface OutgoingMail {
  /** the digest's idempotency key (date|division|kind): names the .eml and the Message-ID */
  readonly key: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly senderName: string;
  readonly replyTo: string;
  /** the send time for the Date header, on the digest's day (its 本日); absent: now */
  readonly sentAt?: Date;
}

export interface Mailer {
  /** how many more recipients may be mailed today (MailApp's daily quota; Infinity offline) */
  remainingQuota(): number;
  /** sends one mail; throws when it cannot */
  send(mail: OutgoingMail): void | Promise<void>;
}

/** A file the app produced (a Google Doc/Slides, or a .docx/.pptx offline). */
export interface OutputFile {
  readonly name: string;
  /** a link in GAS, a path offline */
  readonly url: string;
}

export interface DocWriter {
  /** writes one pillar report; `templateId` (設定 Docsテンプレート) is copied and filled when given */
  writePillarReport(
    report: PillarReport,
    options: { folderId?: string; templateId?: string },
  ): OutputFile | Promise<OutputFile>;
}

export interface DeckWriter {
  /** writes the annual deck; `templateId` (設定 Slidesテンプレート) is copied when given */
  writeDeck(
    deck: DeckModel,
    options: { folderId?: string; templateId?: string },
  ): OutputFile | Promise<OutputFile>;
}
