/**
 * Reading one cell as the column's type. Each reader returns the typed value or null,
 * plus at most one problem code; the cell itself is never changed, so nothing is lost.
 */
import { isDateValue, type PlainDate, parseDate, parseFiscalYear, tokyoDateOf } from "../calendar";
import type { MessageCode, MessageParams } from "../i18n";
import type { Severity } from "../problem";

export interface CellIssue {
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly params: MessageParams;
}

export interface CellResult<T> {
  readonly value: T | null;
  readonly issue?: CellIssue;
}

const error = (code: MessageCode, params: MessageParams): CellIssue => ({
  code,
  severity: "error",
  params,
});

/** What a person would call the cell's content, for messages. */
export function displayValue(v: unknown): string {
  if (isDateValue(v)) return tokyoDateOf(v).replace(/-/g, "/");
  return String(v ?? "").trim();
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Free text: trimmed. A Date typed into a text column is shown as the day it means. */
export function readText(v: unknown): string {
  if (isBlank(v)) return "";
  return displayValue(v);
}

/** IDs and names: NFKC so that １-１ and 1-1 are the same ID. */
export function readId(v: unknown, header: string): CellResult<string> {
  if (isBlank(v)) return { value: null };
  if (isDateValue(v)) {
    return { value: null, issue: error("id-became-date", { header, value: displayValue(v) }) };
  }
  return { value: String(v).normalize("NFKC").trim() };
}

/** 、 ， , ・ ; and new lines separate names in a list cell. */
export function readList(v: unknown): string[] {
  if (isBlank(v)) return [];
  return String(v)
    .normalize("NFKC")
    .split(/[、,;；\n・]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const UNIT_SUFFIX = /^(-?\d+(?:\.\d+)?)\s*[^\d\s.-][^\d]*$/;

/**
 * Numbers: real numbers pass; text is normalised (全角 digits, commas, a trailing unit such as
 * 件 or %) with a warning so staff learn to type plain digits; anything else is an error.
 */
export function readNumber(v: unknown): CellResult<number> {
  if (isBlank(v)) return { value: null };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { value: v } : { value: null, issue: notANumber(v) };
  }
  if (typeof v === "boolean" || isDateValue(v)) return { value: null, issue: notANumber(v) };
  const raw = String(v);
  const folded = raw
    .normalize("NFKC")
    .trim()
    .replace(/[−ー―‐]/g, "-")
    .replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  let text = folded;
  const unit = UNIT_SUFFIX.exec(folded);
  if (unit?.[1] !== undefined) text = unit[1];
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { value: null, issue: notANumber(v) };
  const n = Number(text);
  if (text === raw.trim()) return { value: n };
  return {
    value: n,
    issue: {
      code: "number-normalised",
      severity: "warning",
      params: { value: raw.trim(), normalised: String(n) },
    },
  };
}

function notANumber(v: unknown): CellIssue {
  return error("not-a-number", { value: displayValue(v) });
}

export function readYear(v: unknown): CellResult<number> {
  if (isBlank(v)) return { value: null };
  const r = parseFiscalYear(v);
  return r.ok
    ? { value: r.fy }
    : { value: null, issue: error("invalid-year", { value: displayValue(v) }) };
}

export function readDate(v: unknown): CellResult<PlainDate> {
  if (isBlank(v)) return { value: null };
  const r = parseDate(v);
  return r.ok
    ? { value: r.date }
    : { value: null, issue: error("invalid-date", { value: displayValue(v) }) };
}

/** Enumerations compare after NFKC and case folding: ｐ, p and P are the same PDCA step. */
export function readEnum<T extends string>(
  v: unknown,
  allowed: readonly T[],
  header: string,
  choices: string,
): CellResult<T> {
  if (isBlank(v)) return { value: null };
  const n = String(v).normalize("NFKC").trim().toLowerCase();
  const hit = allowed.find((a) => a.normalize("NFKC").toLowerCase() === n);
  return hit !== undefined
    ? { value: hit }
    : {
        value: null,
        issue: error("invalid-enum", { header, value: displayValue(v), allowed: choices }),
      };
}

// Deliberately simple: catches typos (missing @, spaces, full-width @) without rejecting real
// municipal addresses; delivery problems are reported by the mailer.
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

export function readEmail(v: unknown): CellResult<string> {
  if (isBlank(v)) return { value: null };
  const s = String(v).trim();
  return isEmail(s) ? { value: s } : { value: null, issue: error("invalid-email", { value: s }) };
}

export function readEmailList(v: unknown): { value: string[]; issues: CellIssue[] } {
  if (isBlank(v)) return { value: [], issues: [] };
  const parts = String(v)
    .split(/[,;、\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const value: string[] = [];
  const issues: CellIssue[] = [];
  for (const p of parts) {
    if (isEmail(p)) value.push(p);
    else issues.push(error("invalid-email", { value: p }));
  }
  // A cell with any part that is not an address (e.g. "a@x\r\nBcc: b@y") is not trusted at
  // all: none of its addresses is mailed until it is fixed.
  return { value: issues.length > 0 ? [] : value, issues };
}
