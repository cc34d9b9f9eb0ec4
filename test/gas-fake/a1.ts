/** A1 notation: "B2", "A1:C3", "AA10", "$A$1:$B$2", whole columns "A:C" and rows "2:5". */

export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnToLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(area: GridArea): string {
  const start = `${columnToLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  const end = `${columnToLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
  return `${start}:${end}`;
}

interface Ref {
  row?: number;
  column?: number;
}

function parseRef(text: string): Ref | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  const ref: Ref = {};
  if (m[1]) ref.column = lettersToColumn(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1) return undefined;
    ref.row = row;
  }
  return ref;
}

/**
 * Parses A1 notation against a sheet of maxRows x maxColumns (for open-ended "A:C" / "2:5").
 * Returns undefined when the text is not A1 notation.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): GridArea | undefined {
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  const a = parseRef(parts[0] ?? "");
  const b = parts.length === 2 ? parseRef(parts[1] ?? "") : a;
  if (!a || !b) return undefined;
  if (parts.length === 1 && (a.row === undefined || a.column === undefined)) return undefined;
  // both refs must be of the same kind (cell:cell, col:col or row:row)
  if ((a.row === undefined) !== (b.row === undefined)) return undefined;
  if ((a.column === undefined) !== (b.column === undefined)) return undefined;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  const c1 = a.column ?? 1;
  const c2 = b.column ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    row,
    column,
    numRows: Math.max(r1, r2) - row + 1,
    numColumns: Math.max(c1, c2) - column + 1,
  };
}
