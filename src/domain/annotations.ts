/** Problems turned into cell marks (a note and a colour) for the sheets people edit. */
import { type Problem, type RenderedProblem, renderProblem, type Severity } from "./problem";
import type { Lang } from "./schema";

export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
  readonly message: string;
}

/** Notes the app writes start with this, so a later check can tell its own notes from people's. */
export const MARK_PREFIX = "⚠ 計画管理: ";
export const MARK_COLOURS: Readonly<Record<Severity, string>> = {
  error: "#f4c7c3",
  warning: "#fce8b2",
};

/**
 * Notes the 確認済 guard writes (a put-back or a paste on a confirmed row). They are not
 * validation marks: checking a cell never erases them, and the simple onEdit, which may run
 * after the put-back, leaves such a cell alone rather than mark a value that is no longer there.
 */
export const GUARD_PREFIX = "⚠ 計画管理（確認済）: ";

export function isGuardNote(note: unknown): boolean {
  return typeof note === "string" && note.startsWith(GUARD_PREFIX);
}

export function isAppMark(note: unknown): boolean {
  return typeof note === "string" && note.startsWith(MARK_PREFIX);
}

/** One mark per cell (several problems on a cell share one note; an error outranks a warning). */
export function marksBySheet(problems: readonly Problem[], lang: Lang): Map<string, CellMark[]> {
  const cells = new Map<string, Map<string, CellMark>>();
  for (const p of problems) {
    if (p.row === null || p.col === null) continue;
    const rendered: RenderedProblem = renderProblem(p, lang);
    const sheet = cells.get(p.sheetName) ?? new Map<string, CellMark>();
    cells.set(p.sheetName, sheet);
    const key = `${p.row}:${p.col}`;
    const prev = sheet.get(key);
    sheet.set(key, {
      row: p.row,
      col: p.col,
      severity: prev?.severity === "error" || p.severity === "error" ? "error" : "warning",
      message: prev ? `${prev.message}\n${rendered.message}` : rendered.message,
    });
  }
  return new Map([...cells].map(([name, m]) => [name, [...m.values()]]));
}

/**
 * The notes and colours a block of cells should have after a check: our marks where there is a
 * problem, our old marks removed where the problem is fixed, everything else left as it was.
 */
export function mergeMarks(
  marks: readonly CellMark[],
  oldNotes: readonly (readonly string[])[],
  oldBackgrounds: readonly (readonly string[])[],
  firstRow = 1,
  firstCol = 1,
): { notes: string[][]; backgrounds: string[][]; changed: boolean; box: ChangedBox | null } {
  const byCell = new Map(marks.map((m) => [`${m.row}:${m.col}`, m]));
  let changed = false;
  let box: ChangedBox | null = null;
  const notes = oldNotes.map((row) => [...row]);
  const backgrounds = oldBackgrounds.map((row) => [...row]);
  notes.forEach((row, i) => {
    row.forEach((note, j) => {
      const mark = byCell.get(`${firstRow + i}:${firstCol + j}`);
      const bg = backgrounds[i]?.[j] ?? "#ffffff";
      let nextNote = note;
      let nextBg = bg;
      if (mark) {
        nextNote = MARK_PREFIX + mark.message;
        nextBg = MARK_COLOURS[mark.severity];
      } else if (isAppMark(note)) {
        nextNote = "";
        nextBg = "#ffffff";
      }
      if (nextNote !== note || nextBg !== bg) {
        changed = true;
        box = box
          ? {
              top: Math.min(box.top, i),
              left: Math.min(box.left, j),
              bottom: Math.max(box.bottom, i),
              right: Math.max(box.right, j),
            }
          : { top: i, left: j, bottom: i, right: j };
      }
      row[j] = nextNote;
      const bgRow = backgrounds[i];
      if (bgRow) bgRow[j] = nextBg;
    });
  });
  return { notes, backgrounds, changed, box };
}

/** 0-based, inclusive: the smallest block holding every changed cell, so writes stay small. */
export interface ChangedBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function sliceBox<T>(grid: readonly (readonly T[])[], box: ChangedBox): T[][] {
  return grid.slice(box.top, box.bottom + 1).map((row) => row.slice(box.left, box.right + 1));
}

/** A 1-based cell. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/**
 * What a check must change, grouped so that one call can make each change everywhere at once
 * (GAS's RangeList): cells per note text to set, cells whose old mark is cleared, cells per
 * colour. Decided from the notes alone: a cell already carrying the very mark is left alone,
 * a cell with someone's own note or colour and no problem is never touched.
 */
export interface MarkChanges {
  readonly notes: ReadonlyMap<string, readonly CellRef[]>;
  readonly clearNotes: readonly CellRef[];
  readonly backgrounds: ReadonlyMap<string, readonly CellRef[]>;
}

const CLEARED_BACKGROUND = "#ffffff";

export function markChanges(
  marks: readonly CellMark[],
  oldNotes: readonly (readonly string[])[],
): MarkChanges {
  const notes = new Map<string, CellRef[]>();
  const backgrounds = new Map<string, CellRef[]>();
  const clearNotes: CellRef[] = [];
  const add = (map: Map<string, CellRef[]>, key: string, cell: CellRef) => {
    const list = map.get(key) ?? [];
    list.push(cell);
    map.set(key, list);
  };
  const marked = new Set<string>();
  for (const m of marks) {
    marked.add(`${m.row}:${m.col}`);
    const note = MARK_PREFIX + m.message;
    if ((oldNotes[m.row - 1]?.[m.col - 1] ?? "") === note) continue;
    const cell = { row: m.row, col: m.col };
    add(notes, note, cell);
    add(backgrounds, MARK_COLOURS[m.severity], cell);
  }
  oldNotes.forEach((row, i) => {
    row.forEach((note, j) => {
      if (!isAppMark(note) || marked.has(`${i + 1}:${j + 1}`)) return;
      const cell = { row: i + 1, col: j + 1 };
      clearNotes.push(cell);
      add(backgrounds, CLEARED_BACKGROUND, cell);
    });
  });
  return { notes, clearNotes, backgrounds };
}
