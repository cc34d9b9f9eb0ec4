/**
 * How an answer merges back. Each row of a returned file is either accepted (its changed cells
 * written to 進捗 and logged), rejected with a located reason (nothing of it written), or has
 * conflicting cells (changed in the registry since export AND in the file: the registry keeps
 * its value, both are reported). Three values decide each cell: as exported (the stamp), in
 * the registry now, in the file. Importing the same file twice writes nothing the second time.
 */
import {
  type Period,
  type PlainDate,
  parseFiscalYear,
  parsePeriod,
  periodOf,
  tokyoInstant,
} from "../calendar";
import { formatMessage, type MessageCode, type MessageParams } from "../i18n";
import { cellRef, columnLetters, renderProblem } from "../problem";
import { isBlank, parseRegistry, type RawSheet, type Registry, readId, toTable } from "../registry";
import { type Lang, sheetDef, sheetKeyOfName } from "../schema";
import { validateRegistry } from "../validate";
import { canonical, LOCKED_KEYS, mapSurveyHeaders, SURVEY_COLUMNS, surveyCol } from "./columns";
import { ANSWER_STATUSES, periodName } from "./export";
import { readStamp, STAMP_SHEET, type Stamp } from "./stamp";

/** A workbook someone sent back: where it came from (path or URL) and its tabs. */
export interface ReturnedFile {
  readonly source: string;
  readonly sheets: readonly RawSheet[];
}

interface Located {
  /** the returned file (path or URL) */
  readonly file: string;
  readonly sheet: string;
  /** A1 cell in the returned file ("" when the whole file is meant) */
  readonly cell: string;
  readonly measureId: string;
}

export interface Rejection extends Located {
  readonly reason: MessageCode;
  readonly message: string;
}

export interface Conflict extends Located {
  readonly column: string;
  /** the registry cell that kept its value (進捗!F12) */
  readonly registryCell: string;
  readonly registryValue: string;
  readonly fileValue: string;
  readonly exportedValue: string;
  readonly message: string;
}

export interface Acceptance extends Located {
  /** the registry cells written (進捗!F12, ...) */
  readonly written: readonly string[];
}

export interface CellWrite {
  /** 1-based row and column of 進捗 */
  readonly row: number;
  readonly col: number;
  readonly value: unknown;
}

export interface MergePlan {
  readonly division: string;
  readonly accepted: readonly Acceptance[];
  readonly rejected: readonly Rejection[];
  readonly conflicts: readonly Conflict[];
  /** cells of existing 進捗 rows to overwrite */
  readonly writes: readonly CellWrite[];
  /** new 進捗 rows (registry column order), appended below the last row */
  readonly appends: readonly (readonly unknown[])[];
  /** 変更履歴 lines: cell (F12), old and new value; the user is the division */
  readonly audit: readonly { cell: string; oldValue: unknown; newValue: unknown }[];
}

interface Candidate {
  readonly at: Located;
  readonly fileRow: number;
  /** the registry row the answer goes to; null: a new row */
  readonly registryRow: number | null;
  /** column key -> value to write */
  readonly takes: Map<string, unknown>;
}

function shown(v: unknown): string {
  return canonical("", v);
}

/** Plans the merge of one returned file into the registry tabs `sheets` as they are now. */
export function planMerge(
  sheets: readonly RawSheet[],
  file: ReturnedFile,
  today: PlainDate,
): MergePlan {
  const { registry } = parseRegistry(sheets);
  const lang = registry.settings.lang;
  const progressName = registry.sheetNames.progress ?? sheetDef("progress").ja;
  const progressRaw = sheets.find((s) => s.name === progressName) ?? {
    name: progressName,
    values: [],
  };
  const rejected: Rejection[] = [];
  const conflicts: Conflict[] = [];
  const empty = (division = ""): MergePlan => ({
    division,
    accepted: [],
    rejected,
    conflicts,
    writes: [],
    appends: [],
    audit: [],
  });
  const reject = (at: Located, reason: MessageCode, params: MessageParams = {}) =>
    rejected.push({ ...at, reason, message: formatMessage(reason, params, lang) });

  const answer = file.sheets.find((s) => sheetKeyOfName(s.name) === "progress");
  const whole: Located = { file: file.source, sheet: STAMP_SHEET, cell: "", measureId: "" };
  if (!answer) {
    reject({ ...whole, sheet: progressName }, "survey-sheet-missing", { sheet: progressName });
    return empty();
  }
  const headers = mapSurveyHeaders(answer.values[0] ?? []);
  const lost = SURVEY_COLUMNS.find((c) => !headers.index.has(c.key));
  if (lost) {
    const header = lang === "ja" ? lost.def.ja : lost.def.en;
    reject({ ...whole, sheet: answer.name, cell: "A1" }, "survey-layout-changed", { header });
    return empty();
  }
  const fileCell = (row: number, key: string) => ({
    value: answer.values[row - 1]?.[headers.index.get(key) ?? -1] ?? "",
    cell: `${columnLetters((headers.index.get(key) ?? 0) + 1)}${row}`,
  });
  const dataRows = answer.values.flatMap((cells, i) =>
    i === 0 || cells.every(isBlank) ? [] : [i + 1],
  );
  const rowAt = (row: number): Located => ({
    file: file.source,
    sheet: answer.name,
    cell: fileCell(row, "measureId").cell,
    measureId: readId(fileCell(row, "measureId").value, "").value ?? "",
  });

  const stampRead = readStamp(file.sheets.find((s) => s.name === STAMP_SHEET));
  const fileWide = (reason: MessageCode, params: MessageParams) => {
    if (dataRows.length === 0) reject(whole, reason, params);
    for (const row of dataRows) reject(rowAt(row), reason, params);
    return empty();
  };
  if (!stampRead.ok) return fileWide(`survey-${stampRead.reason}`, { stamp: STAMP_SHEET });
  const stamp = stampRead.stamp;
  if (stamp.registry !== registry.settings.planName)
    return fileWide("survey-other-registry", { value: stamp.registry });
  const period = periodOf(stamp.fy, registry.settings.cycle, stamp.period);
  if (!period) return fileWide("survey-stamp-broken", { stamp: STAMP_SHEET });

  const progressTable = toTable(sheetDef("progress"), progressRaw);
  const registryCol = (key: string) => progressTable.headers.index.get(key);
  // An ID on two rows is ambiguous (which one is meant?): neither is taken.
  const idCount = new Map<string, number>();
  for (const row of dataRows) {
    const id = rowAt(row).measureId;
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const duplicated = new Set([...idCount].filter(([, n]) => n > 1).map(([id]) => id));
  const candidates: Candidate[] = [];
  for (const fileRow of dataRows) {
    const at = rowAt(fileRow);
    const c = checkRow(registry, stamp, period, at, fileRow, fileCell, duplicated, lang);
    if ("reason" in c) {
      reject(at, c.reason, c.params);
      continue;
    }
    const report = registry.progress.find(
      (p) => p.measureId === at.measureId && p.fy === period.fy && p.period === period.index,
    );
    const regValue = (key: string): unknown => {
      const i = registryCol(key);
      return report && i !== undefined ? (progressRaw.values[report.row - 1]?.[i] ?? "") : "";
    };
    const takes = new Map<string, unknown>();
    const rowConflicts: Conflict[] = [];
    let answered = false;
    let reserved: string | undefined;
    SURVEY_COLUMNS.forEach((col, j) => {
      if (col.locked) return;
      const { value, cell } = fileCell(fileRow, col.key);
      const base = c.stampRow.values[j] ?? "";
      const mine = canonical(col.key, value);
      const theirs = canonical(col.key, regValue(col.key));
      if (mine === base) return;
      answered = true;
      if (col.key === "status" && !(ANSWER_STATUSES as readonly string[]).concat("").includes(mine))
        reserved = mine;
      if (mine === theirs) return;
      if (theirs === base) {
        takes.set(col.key, value);
        return;
      }
      const i = registryCol(col.key);
      const registryCell =
        report && i !== undefined
          ? cellRef({ sheetName: progressName, row: report.row, col: i + 1 })
          : progressName;
      const header = lang === "ja" ? col.def.ja : col.def.en;
      const params = {
        header,
        was: base,
        registryValue: shown(regValue(col.key)),
        fileValue: shown(value),
        registryCell,
      };
      rowConflicts.push({
        ...at,
        cell,
        column: header,
        registryCell,
        registryValue: params.registryValue,
        fileValue: params.fileValue,
        exportedValue: base,
        message: formatMessage("survey-conflict", params, lang),
      });
    });
    if (!answered) continue;
    if (reserved !== undefined) {
      reject({ ...at, cell: fileCell(fileRow, "status").cell }, "survey-status-reserved", {
        value: reserved,
        allowed: ANSWER_STATUSES.join("・"),
      });
      continue;
    }
    if (takes.size > 0 && report?.status === "確認済") {
      reject(at, "survey-confirmed", { value: at.measureId, period: periodName(period, lang) });
      continue;
    }
    conflicts.push(...rowConflicts);
    if (takes.size === 0) continue;
    // A returned answer is a submission: an open status becomes 提出済, and who/when are filled.
    const merged = (key: string) => (takes.has(key) ? takes.get(key) : regValue(key));
    const conflicted = (key: string) =>
      rowConflicts.some((x) => x.cell === fileCell(fileRow, key).cell);
    const status = canonical("status", merged("status"));
    if (!conflicted("status") && (status === "" || status === "未提出" || status === "差戻し"))
      takes.set("status", "提出済");
    if (!conflicted("reporter") && isBlank(merged("reporter")))
      takes.set("reporter", stamp.division);
    if (!conflicted("reportedOn") && isBlank(merged("reportedOn")))
      takes.set("reportedOn", tokyoInstant(today));
    candidates.push({ at, fileRow, registryRow: report?.row ?? null, takes });
  }

  const survivors = dropInvalid(sheets, progressRaw, candidates, today, period, lang, (cand, p) => {
    const key = p.col === null ? undefined : progressKeyAt(progressTable, p.col);
    const cell = key ? fileCell(cand.fileRow, key).cell : cand.at.cell;
    reject({ ...cand.at, cell }, "survey-invalid", { message: p.message });
  });
  const built = buildWrites(progressRaw, progressTable.headers.index, survivors, period);
  return {
    division: stamp.division,
    accepted: built.accepted,
    rejected,
    conflicts,
    writes: built.writes,
    appends: built.appends,
    audit: built.audit,
  };
}

type FileCell = (row: number, key: string) => { value: unknown; cell: string };

/** The row-level rules, in the order a person would fix them. */
function checkRow(
  registry: Registry,
  stamp: Stamp,
  period: Period,
  at: Located,
  fileRow: number,
  fileCell: FileCell,
  duplicated: ReadonlySet<string>,
  lang: Lang,
): { reason: MessageCode; params: MessageParams } | { stampRow: Stamp["rows"][number] } {
  const id = at.measureId;
  const measure = registry.measures.find((m) => m.measureId === id);
  if (!measure) return { reason: "survey-unknown-measure", params: { value: id } };
  if (measure.lead.trim() !== stamp.division)
    return {
      reason: "survey-other-division",
      params: { value: id, lead: measure.lead.trim(), division: stamp.division },
    };
  const fy = parseFiscalYear(fileCell(fileRow, "fy").value);
  const p = parsePeriod(fileCell(fileRow, "period").value, registry.settings.cycle);
  if (!fy.ok || !p.ok || fy.fy !== period.fy || p.period.index !== period.index) {
    const rowPeriod = [fileCell(fileRow, "fy").value, fileCell(fileRow, "period").value]
      .map(shown)
      .join(" ");
    return {
      reason: "survey-wrong-period",
      params: { rowPeriod, period: periodName(period, lang) },
    };
  }
  if (duplicated.has(id)) return { reason: "survey-duplicate-row", params: { value: id } };
  const stampRow = stamp.rows.find((r) => r.values[0] === id);
  if (!stampRow) return { reason: "survey-not-exported", params: { value: id } };
  for (const key of LOCKED_KEYS) {
    if (key === "measureId" || key === "fy" || key === "period") continue;
    const j = surveyCol(key) - 1;
    const now = canonical(key, fileCell(fileRow, key).value);
    if (now !== (stampRow.values[j] ?? "")) {
      const def = SURVEY_COLUMNS[j]?.def;
      return {
        reason: "survey-locked-changed",
        params: {
          header: (lang === "ja" ? def?.ja : def?.en) ?? key,
          was: stampRow.values[j] ?? "",
          value: now,
          cell: fileCell(fileRow, key).cell,
        },
      };
    }
  }
  return { stampRow };
}

function progressKeyAt(table: ReturnType<typeof toTable>, col: number): string | undefined {
  for (const [key, i] of table.headers.index) if (i + 1 === col) return key;
  return undefined;
}

/** Applies a candidate set to a copy of 進捗 (existing rows in place, new rows appended). */
function applied(
  progressRaw: RawSheet,
  index: ReadonlyMap<string, number>,
  candidates: readonly Candidate[],
  period: Period,
): { values: unknown[][]; rowOf: Map<Candidate, number> } {
  const width = progressRaw.values[0]?.length ?? 0;
  const values = progressRaw.values.map((r) => [...r]);
  const rowOf = new Map<Candidate, number>();
  for (const c of candidates) {
    let row = c.registryRow;
    if (row === null) {
      const fresh: unknown[] = Array.from({ length: width }, () => "");
      const put = (key: string, v: unknown) => {
        const i = index.get(key);
        if (i !== undefined) fresh[i] = v;
      };
      put("measureId", c.at.measureId);
      put("fy", period.fy);
      put("period", period.labelJa);
      values.push(fresh);
      row = values.length;
    }
    const target = values[row - 1] ?? [];
    for (const [key, v] of c.takes) {
      const i = index.get(key);
      if (i !== undefined) target[i] = v;
    }
    rowOf.set(c, row);
  }
  return { values, rowOf };
}

/** The same rules as `genki validate`: a row the merge would make wrong is not taken. */
function dropInvalid(
  sheets: readonly RawSheet[],
  progressRaw: RawSheet,
  candidates: readonly Candidate[],
  today: PlainDate,
  period: Period,
  lang: Lang,
  onInvalid: (c: Candidate, p: ReturnType<typeof renderProblem> & { col: number | null }) => void,
): Candidate[] {
  if (candidates.length === 0) return [];
  const index = toTable(sheetDef("progress"), progressRaw).headers.index;
  // Every rule about a 進捗 row looks only at rows of the same 取組 (duplicates share the ID),
  // so the other rows are blanked (kept in place, so row numbers hold): a file costs its own
  // rows, not the whole registry's history.
  const ids = new Set(candidates.map((c) => c.at.measureId));
  const idCol = index.get("measureId") ?? -1;
  const only = (values: readonly (readonly unknown[])[]) =>
    values.map((r, i) => (i === 0 || ids.has(readId(r[idCol], "").value ?? "") ? r : []));
  const withProgress = (values: readonly (readonly unknown[])[]) =>
    sheets.map((s) => (s.name === progressRaw.name ? { name: s.name, values: only(values) } : s));
  const before = new Set(
    validateRegistry(withProgress(progressRaw.values), { today })
      .problems.filter((p) => p.sheet === "progress" && p.severity === "error")
      .map((p) => `${p.row}|${p.col}|${p.code}`),
  );
  const { values, rowOf } = applied(progressRaw, index, candidates, period);
  const after = validateRegistry(withProgress(values), { today }).problems.filter(
    (p) =>
      p.sheet === "progress" &&
      p.severity === "error" &&
      !before.has(`${p.row}|${p.col}|${p.code}`),
  );
  return candidates.filter((c) => {
    const mine = after.filter((p) => p.row === rowOf.get(c));
    for (const p of mine) onInvalid(c, { ...renderProblem(p, lang), col: p.col });
    return mine.length === 0;
  });
}

function buildWrites(
  progressRaw: RawSheet,
  index: ReadonlyMap<string, number>,
  candidates: readonly Candidate[],
  period: Period,
): Pick<MergePlan, "accepted" | "writes" | "appends" | "audit"> {
  const accepted: Acceptance[] = [];
  const writes: CellWrite[] = [];
  const appends: unknown[][] = [];
  const audit: { cell: string; oldValue: unknown; newValue: unknown }[] = [];
  const name = progressRaw.name;
  const { values, rowOf } = applied(progressRaw, index, candidates, period);
  for (const c of candidates) {
    const row = rowOf.get(c) ?? 0;
    const written: string[] = [];
    if (c.registryRow === null) {
      const fresh = values[row - 1] ?? [];
      appends.push(fresh);
      fresh.forEach((v, i) => {
        if (isBlank(v)) return;
        audit.push({ cell: `${columnLetters(i + 1)}${row}`, oldValue: "", newValue: v });
        written.push(cellRef({ sheetName: name, row, col: i + 1 }));
      });
    } else {
      for (const [key, v] of c.takes) {
        const i = index.get(key);
        if (i === undefined) continue;
        writes.push({ row, col: i + 1, value: v });
        audit.push({
          cell: `${columnLetters(i + 1)}${row}`,
          oldValue: progressRaw.values[row - 1]?.[i] ?? "",
          newValue: v,
        });
        written.push(cellRef({ sheetName: name, row, col: i + 1 }));
      }
    }
    accepted.push({ ...c.at, written });
  }
  return { accepted, writes, appends, audit };
}
