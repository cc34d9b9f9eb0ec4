/**
 * How the offline writers show values: the same dash for "nothing", the same number format and
 * the same words as the Google Docs/Slides output (see src/domain/reports/tables.ts).
 */
import type { Direction } from "../../domain/schema";

/** Shown wherever a value is empty. */
export const NONE = "—";
/** Shown where a measure has no report in scope. */
export const UNREPORTED = "未報告";

export function orNone(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === "" ? NONE : s;
}

/** 1,234件, or 「—」. */
export function withUnit(n: number | null, unit: string): string {
  return n === null ? NONE : `${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}${unit}`;
}

/** 120%, or 「—」 when the rate cannot be computed. */
export function rateText(rate: number | null): string {
  return rate === null || !Number.isFinite(rate) ? NONE : `${Math.round(rate)}%`;
}

export function directionText(direction: Direction | null): string {
  return direction === null ? NONE : `${direction}をめざす`;
}

/** Lines of a multi-line cell, without a trailing empty one. */
export function lines(s: string): string[] {
  return s.replace(/\s+$/u, "").split(/\r\n|\r|\n/);
}
