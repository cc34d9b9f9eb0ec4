/** What the onEdit handlers need from GAS: the context cache, block marks, installable triggers. */
import {
  type CellMark,
  isAppMark,
  isGuardNote,
  MARK_COLOURS,
  MARK_PREFIX,
  mergeMarks,
} from "../domain/annotations";
import { utf8Length } from "../domain/utf8";
import type { EditContext } from "../domain/validate/edit";
import type { CellMarker, EditContextCache, TriggerOwnership, Triggers } from "../ports";

const CACHE_KEY = "genki.editContext.v1";
/** CacheService's longest life */
const CACHE_SECONDS = 21_600;
/** CacheService's largest value, in bytes (https://developers.google.com/apps-script/reference/cache/cache#put(String,String)) */
const CACHE_MAX_BYTES = 100 * 1024;

export class ScriptEditContextCache implements EditContextCache {
  private readonly cache = CacheService.getScriptCache();
  get(): EditContext | null {
    const text = this.cache.get(CACHE_KEY);
    if (!text) return null;
    try {
      return JSON.parse(text) as EditContext;
    } catch {
      return null;
    }
  }
  put(ctx: EditContext): void {
    const text = JSON.stringify(ctx);
    // A cache value holds at most 100 KB (bytes: Japanese text is 3 a character); a larger
    // registry simply rebuilds the context each time.
    if (utf8Length(text) <= CACHE_MAX_BYTES) this.cache.put(CACHE_KEY, text, CACHE_SECONDS);
  }
  clear(): void {
    this.cache.remove(CACHE_KEY);
  }
}

export class SheetCellMarker implements CellMarker {
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  markBlock(
    sheetName: string,
    top: number,
    left: number,
    rows: number,
    cols: number,
    marks: readonly CellMark[],
  ): void {
    const sheet = this.ss.getSheetByName(sheetName);
    if (!sheet || rows === 0 || cols === 0) return;
    const range = sheet.getRange(top, left, rows, cols);
    if (rows === 1 && cols === 1) {
      // One cell: 1 read + at most 2 writes, so a typed value stays within the 4-call budget.
      const note = range.getNote();
      // put back by the 確認済 guard (the installable onEdit may run first): not ours to mark
      if (isGuardNote(note)) return;
      const mark = marks[0];
      if (mark) {
        const next = MARK_PREFIX + mark.message;
        if (next === note) return;
        range.setNote(next);
        range.setBackground(MARK_COLOURS[mark.severity]);
      } else if (isAppMark(note)) {
        range.setNote("");
        range.setBackground(null);
      }
      return;
    }
    const notes = range.getNotes();
    const open = marks.filter((m) => !isGuardNote(notes[m.row - top]?.[m.col - left]));
    const merged = mergeMarks(open, notes, range.getBackgrounds(), top, left);
    if (!merged.changed) return;
    range.setNotes(merged.notes);
    range.setBackgrounds(merged.backgrounds);
  }
}

/** Script property holding the trigger owner and trigger IDs (JSON TriggerOwnership). */
const OWNERSHIP_KEY = "genki.triggers";

export function readTriggerOwnership(): TriggerOwnership | null {
  const text = PropertiesService.getScriptProperties().getProperty(OWNERSHIP_KEY);
  if (!text) return null;
  try {
    const o = JSON.parse(text) as Partial<TriggerOwnership>;
    return typeof o.owner === "string" && Array.isArray(o.ids)
      ? { owner: o.owner, ids: o.ids.map(String) }
      : null;
  } catch {
    return null;
  }
}

/**
 * A trigger that is not one of the recorded owner's (a former owner's, or a duplicate) deletes
 * itself and does nothing, so every edit is logged and guarded once. Its runner owns it, so
 * getProjectTriggers in this execution can see and delete it.
 */
export function retiredTrigger(e: { triggerUid?: string } | undefined): boolean {
  const uid = e?.triggerUid;
  if (!uid) return false;
  const ownership = readTriggerOwnership();
  if (!ownership || ownership.ids.includes(String(uid))) return false;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === String(uid)) ScriptApp.deleteTrigger(t);
  }
  return true;
}

export class ProjectTriggers implements Triggers {
  constructor(private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  installed(): { handler: string; kind: "daily" | "onEdit" | "once"; id: string }[] {
    return ScriptApp.getProjectTriggers().map((t) => ({
      handler: t.getHandlerFunction(),
      kind: t.getEventType() === ScriptApp.EventType.ON_EDIT ? "onEdit" : "daily",
      id: t.getUniqueId(),
    }));
  }
  installDaily(handler: string, hour: number): string {
    return ScriptApp.newTrigger(handler)
      .timeBased()
      .everyDays(1)
      .atHour(hour)
      .inTimezone("Asia/Tokyo")
      .create()
      .getUniqueId();
  }
  installOnEdit(handler: string): string {
    return ScriptApp.newTrigger(handler).forSpreadsheet(this.ss).onEdit().create().getUniqueId();
  }
  currentUser(): string {
    return Session.getEffectiveUser().getEmail();
  }
  ownership(): TriggerOwnership | null {
    return readTriggerOwnership();
  }
  recordOwnership(ownership: TriggerOwnership): void {
    PropertiesService.getScriptProperties().setProperty(OWNERSHIP_KEY, JSON.stringify(ownership));
  }
}
