/**
 * The ports: everything the use cases need from the outside world. GAS adapters (src/gas)
 * and offline adapters (src/office) implement them; tests use the GAS fake or small fakes.
 */
import type { CellMark } from "./domain/annotations";
import type { RawSheet } from "./domain/registry";
import type { SendLogRow } from "./domain/reminders";
import type { DeckModel, PillarReport } from "./domain/reports";
import type { Dropdown, SheetKey, SheetLayout } from "./domain/schema";
import type { EditContext } from "./domain/validate/edit";

export type { Dropdown, SheetLayout } from "./domain/schema";

/** One tab's marks for RegistryStore.annotate, with the values the check read. */
export interface AnnotatedTab {
  readonly name: string;
  readonly marks: readonly CellMark[];
  readonly values: readonly (readonly unknown[])[];
}

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
   * people's own notes and colours, on every tab listed. `values` is what the check read, so
   * the block is known. All tabs in one call: Sheets commits pending writes before each read,
   * so every tab's notes are read before the first mark is written.
   */
  annotate(tabs: readonly AnnotatedTab[]): void;
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

/** One batch of 変更履歴 lines waiting in the durable queue. */
export interface PendingAudit {
  readonly key: string;
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * A durable queue of 変更履歴 lines: an edit's lines are stored without waiting for any lock
 * (each batch under its own key, so concurrent edits never overwrite each other) and moved to
 * the sheet by whoever next holds the lock.
 */
export interface AuditQueue {
  /** false when the lines could not be stored (quota, size): write them directly instead */
  push(rows: readonly (readonly unknown[])[]): boolean;
  /** every waiting batch, oldest first */
  pending(): readonly PendingAudit[];
  drop(keys: readonly string[]): void;
  /** makes sure a later run will flush what could not be flushed now */
  scheduleFlush(): void;
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
/** Why an output place from 設定 cannot be used (see OutputAccess). */
export interface OutputProblem {
  readonly code: "output-folder-unreachable" | "template-unreachable" | "template-wrong-type";
  /** the 設定 key the ID came from */
  readonly setting: string;
  readonly id: string;
}

/** Checks, before anything is created, that the folder and template in 設定 can be used. */
export interface OutputAccess {
  check(place: {
    readonly folderId?: string;
    readonly templateId?: string;
    readonly templateKind: "document" | "presentation";
  }): OutputProblem | null;
}

/** Whose installable triggers serve this spreadsheet (one owner per spreadsheet). */
export interface TriggerOwnership {
  readonly owner: string;
  /** unique IDs of the owner's triggers; any other trigger of these handlers retires itself */
  readonly ids: readonly string[];
}

export interface Triggers {
  /** the caller's own triggers (GAS shows nobody else's) */
  installed(): readonly { handler: string; kind: "daily" | "onEdit" | "once"; id: string }[];
  /** installs and returns the new trigger's unique ID */
  installDaily(handler: string, hour: number): string;
  installOnEdit(handler: string): string;
  /** who runs setup (the triggers they install run as them) */
  currentUser(): string;
  /** the recorded owner, null before anyone ran setup */
  ownership(): TriggerOwnership | null;
  recordOwnership(ownership: TriggerOwnership): void;
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
  /** files to attach (offline: the division's answer workbook); GAS mails link instead */
  readonly attachments?: readonly { readonly filename: string; readonly path: string }[];
  /** the send time for the Date header, on the digest's day (its 本日); absent: now */
  readonly sentAt?: Date;
  /** a table to attach as .xlsx (offline digests past the cap; the header row first) */
  readonly attachment?: MailTable;
}

export interface MailTable {
  readonly filename: string;
  readonly rows: readonly (readonly string[])[];
}

export interface Mailer {
  /** how many more recipients may be mailed today (MailApp's daily quota; Infinity offline) */
  remainingQuota(): number;
  /**
   * sends one mail; throws when nobody got it. When the server took it for some recipients
   * only, the receipt names the refused ones.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a mailer that knows of no refusal returns nothing
  send(mail: OutgoingMail): void | SendReceipt | Promise<void | SendReceipt>;
}

export interface SendReceipt {
  /** recipients the server refused (the others got the mail) */
  readonly rejected: readonly string[];
}

/**
 * A journal that outlives the process (offline: a file flushed to disk). The intent is written
 * before the mail goes and the outcome after, so a run killed at any moment can be reconciled.
 */
export interface SendJournal {
  intend(row: SendLogRow): void | Promise<void>;
  settle(row: SendLogRow): void | Promise<void>;
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

export interface DeckWriteOptions {
  readonly folderId?: string;
  /** 設定 Slidesテンプレート: copied when given */
  readonly templateId?: string;
  /** `unfinished` of an earlier call for the same deck: continue that file where it stopped */
  readonly resumeFrom?: string;
  /** asked before each part of the deck is sent; true stops the writer there */
  readonly shouldStop?: () => boolean;
  /** told after each part: how many of how many are written */
  readonly onPart?: (done: number, total: number) => void;
}

export interface WrittenDeck extends OutputFile {
  /** set when the writer stopped before the end: pass it back as `resumeFrom` to go on */
  readonly unfinished?: string;
}

export interface DeckWriter {
  /** writes the annual deck, in one go or in parts (a writer that cannot stop ignores it) */
  writeDeck(deck: DeckModel, options: DeckWriteOptions): WrittenDeck | Promise<WrittenDeck>;
}

/** Writes one division's answer workbook (a Google Sheet, or an .xlsx offline). */
export interface SurveyWriter {
  writeSurvey(
    file: import("./domain/survey").SurveyFile,
    options: { folderId?: string },
  ): OutputFile | Promise<OutputFile>;
}
