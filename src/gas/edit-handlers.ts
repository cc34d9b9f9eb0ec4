/**
 * The two onEdit paths. The simple trigger (onEdit) checks the edited cells within 4 calls.
 * The installable trigger (onEditInstalled, created by 初期設定) knows who edited: it puts back
 * changes to 確認済 rows by non-approvers and appends every change to 変更履歴.
 */
import { checkEdit, loadEditContext } from "../app/check-edit";
import { type CellChange, flushAuditQueue, recordEdit } from "../app/record-edit";
import { GUARD_PREFIX } from "../domain/annotations";
import { editorLabel } from "../domain/editor";
import { columnLetters } from "../domain/problem";
import { parseRegistry } from "../domain/registry";
import { neutraliseCell } from "../domain/safety";
import { sheetDef, sheetKeyOfName } from "../domain/schema";
import { isApprover, lockedEdits } from "../domain/status-flow";
import { ScriptPropertiesAuditQueue } from "./audit-queue";
import { ScriptEditContextCache, SheetCellMarker } from "./edit-support";
import { GasRegistryStore } from "./registry-store";
import { ScriptLock } from "./services";

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

const AUTOMATIC_USER = "計画管理（自動）";
const LOCK_NOTE = `${GUARD_PREFIX}この行は「確認済」のため、企画・行政経営の確認者だけが変更できます。変更は元に戻しました。修正が必要な場合は確認者にご連絡ください。`;
const PASTE_NOTE = `${GUARD_PREFIX}「確認済」の行に貼り付けられました。元の値に戻せないため、確認者が変更履歴を確認してください。`;

/** GAS hands a single cell's new value as text; numbers typed by people are numbers again. */
export function eventValue(text: string | undefined): unknown {
  if (text === undefined) return "";
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) ? Number(text) : text;
}

function editedValues(e: EditEvent): unknown[][] {
  const r = e.range;
  return r.getNumRows() === 1 && r.getNumColumns() === 1 ? [[eventValue(e.value)]] : r.getValues();
}

export function handleSimpleEdit(e: EditEvent): void {
  const ss = e.source;
  const range = e.range;
  checkEdit(
    {
      store: new GasRegistryStore(ss),
      cache: new ScriptEditContextCache(),
      marker: new SheetCellMarker(ss),
    },
    {
      sheet: range.getSheet().getName(),
      top: range.getRow(),
      left: range.getColumn(),
      values: editedValues(e),
    },
  );
}

/**
 * A serial number restored into a 報告日 cell must become a date again, not a number; old text
 * that looks like a formula ('=IMPORTXML(…) typed as text) goes back as text, never live.
 */
function restoredValue(text: string, isDateColumn: boolean): unknown {
  if (isDateColumn && /^\d+(\.\d+)?$/.test(text)) {
    const ms = (Number(text) - 25569) * 86_400_000 - 9 * 3_600_000;
    return new Date(ms);
  }
  return neutraliseCell(eventValue(text));
}

function guardConfirmedRows(e: EditEvent, user: string): CellChange[] {
  const ss = e.source;
  const range = e.range;
  const sheet = range.getSheet();
  const ctx = loadEditContext(new GasRegistryStore(ss), new ScriptEditContextCache());
  const header = ctx.headers[sheet.getName()] ?? [];
  const settings = parseRegistry(ctx.settings ? [ctx.settings] : []).registry.settings;
  const approvers = [...settings.approvers, Session.getEffectiveUser().getEmail()];
  if (isApprover(user, approvers) || header.length === 0) return [];
  const top = range.getRow();
  const rows = range.getNumRows();
  const left = range.getColumn();
  const single = rows === 1 && range.getNumColumns() === 1;
  const facts = {
    header,
    rowsAfter: sheet.getRange(top, 1, rows, header.length).getValues(),
    top,
    left,
    right: left + range.getNumColumns() - 1,
    oldValue: e.oldValue,
    singleCell: single,
  };
  const dateCols = new Set(
    sheetDef("progress")
      .columns.filter((c) => c.type === "date")
      .map((c) => header.findIndex((h) => String(h) === c.ja) + 1),
  );
  return lockedEdits(facts).map((edit) => {
    const cell = sheet.getRange(edit.row, edit.col);
    const a1 = `${columnLetters(edit.col)}${edit.row}`;
    if (edit.restore === undefined) {
      cell.setNote(PASTE_NOTE);
      return { cell: a1, oldValue: "", newValue: "（確認済の行への貼り付け）" };
    }
    cell.setValue(restoredValue(edit.restore, dateCols.has(edit.col)));
    cell.setNote(LOCK_NOTE);
    // the simple onEdit may have marked the typed value first: the put-back value is unmarked
    cell.setBackground(null);
    return { cell: a1, oldValue: e.value ?? "", newValue: edit.restore };
  });
}

/** 設定 言語, from the cached edit context (read only for the rare unknown editor) */
function editLang(e: EditEvent): "ja" | "en" {
  const ctx = loadEditContext(new GasRegistryStore(e.source), new ScriptEditContextCache());
  return parseRegistry(ctx.settings ? [ctx.settings] : []).registry.settings.lang;
}

/** How long an edit waits for the lock to flush the queue itself before leaving it to later. */
const EDIT_FLUSH_WAIT_MS = 500;

/** The follow-up run: writes what edits queued while the lock was busy. */
export function flushAuditLog(): void {
  const queue = new ScriptPropertiesAuditQueue();
  queue.followUpStarted();
  flushAuditQueue({
    store: new GasRegistryStore(SpreadsheetApp.getActiveSpreadsheet()),
    lock: new ScriptLock(),
    queue,
  });
}

export function handleInstalledEdit(e: EditEvent): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (sheetKeyOfName(name) === "auditLog") return;
  const user = e.user?.getEmail() || Session.getActiveUser().getEmail() || "";
  const top = range.getRow();
  const left = range.getColumn();
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const values = single ? [[e.value ?? ""]] : range.getValues();
  const changes: CellChange[] = values.flatMap((row, i) =>
    row.map((v, j) => ({
      cell: `${columnLetters(left + j)}${top + i}`,
      oldValue: single ? (e.oldValue ?? "") : "",
      newValue: v,
    })),
  );
  const reverted =
    sheetKeyOfName(name) === "progress" && top > 1 ? guardConfirmedRows(e, user) : [];
  const deps = {
    store: new GasRegistryStore(e.source),
    // the lines are queued durably first, so a busy lock costs a short wait, never a line
    lock: new ScriptLock(EDIT_FLUSH_WAIT_MS),
    clock: { now: () => new Date() },
    queue: new ScriptPropertiesAuditQueue(),
  };
  const who = user === "" ? editorLabel("", editLang(e)) : user;
  recordEdit(deps, { user: who, sheet: name, changes, range: range.getA1Notation() });
  if (reverted.length > 0)
    recordEdit(deps, {
      user: AUTOMATIC_USER,
      sheet: name,
      changes: reverted,
      range: range.getA1Notation(),
    });
}
