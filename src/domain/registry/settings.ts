/** 設定 sheet: key/value rows -> Settings, with a located problem for each bad row. */
import { fiscalYearEnd, type PlainDate, parseDate, parseFiscalYear } from "../calendar";
import { listChoices } from "../i18n";
import type { Problem } from "../problem";
import {
  type Cycle,
  DEFAULT_DIGEST_LIMIT,
  DEFAULT_GRADE_RULES,
  DEFAULT_GRADES,
  type Lang,
  normaliseHeader,
  SETTINGS,
  type SettingDef,
  type SettingKey,
} from "../schema";
import { displayValue, isBlank, isEmail } from "./cells";
import type { Grade, GradeRule, Settings } from "./model";
import type { SheetTable } from "./table";

/** "A:計画以上 B:計画どおり" -> [{A, 計画以上}, {B, 計画どおり}]; also accepts ： and 、 separators. */
export function parseGrades(text: string): Grade[] | null {
  const parts = text
    .normalize("NFKC")
    .split(/[\s、,;]+/)
    .filter((p) => p !== "");
  const grades: Grade[] = [];
  for (const p of parts) {
    const m = /^([^:]+):(.+)$/.exec(p);
    if (!m?.[1] || !m[2]) return null;
    if (grades.some((g) => g.code === m[1])) return null;
    grades.push({ code: m[1].trim(), label: m[2].trim() });
  }
  return grades.length > 0 ? grades : null;
}

/**
 * 評価基準 "A≥100% B≥80% C≥50% D" -> [{A,100},{B,80},{C,50},{D,null}]. Each threshold is written
 * code≥n% (also ≧, >=, : and 以上; % optional); only the last code may have no number (it takes
 * everything below). Thresholds must fall from left to right and codes must not repeat.
 */
export function parseGradeRules(text: string): GradeRule[] | null {
  const compact = text
    .normalize("NFKC")
    .replace(/\s*(≥|≧|>=|:)\s*/g, "$1")
    .replace(/\s*%/g, "%");
  const parts = compact.split(/[\s、,;]+/).filter((p) => p !== "");
  const rules: GradeRule[] = [];
  for (const [i, p] of parts.entries()) {
    const m = /^(.+?)(?:≥|≧|>=|:)(\d+(?:\.\d+)?)%?(?:以上)?$/.exec(p);
    const code = m?.[1] ?? p;
    if (/[≥≧>=:%\d]/.test(code) && !m) return null;
    const min = m?.[2] !== undefined ? Number(m[2]) : null;
    if (min === null && i !== parts.length - 1) return null;
    const previous = rules.at(-1);
    if (min !== null && previous?.min !== undefined && previous.min !== null && min >= previous.min)
      return null;
    if (rules.some((r) => r.code === code)) return null;
    rules.push({ code, min });
  }
  return rules.length > 0 ? rules : null;
}

/** The date printed on a report for `fy`: 設定 報告日, else the last day of that fiscal year. */
export function reportDateOf(settings: Pick<Settings, "reportDate">, fy: number): PlainDate {
  return settings.reportDate ?? fiscalYearEnd(fy);
}

function settingOfName(name: unknown): SettingDef | undefined {
  const n = normaliseHeader(name);
  return SETTINGS.find((s) => normaliseHeader(s.ja) === n || normaliseHeader(s.en) === n);
}

const HINTS: Record<SettingDef["type"], { ja: string; en: string }> = {
  text: { ja: "文字で入力してください。", en: "Enter text." },
  year: {
    ja: "2012、平成24年度、H24 のように入力してください。",
    en: "Write it as 2012, 平成24年度 or H24.",
  },
  integer: {
    ja: "{min}〜{max} の整数を入力してください。",
    en: "Enter a whole number from {min} to {max}.",
  },
  enum: { ja: "{allowed}のいずれかを入力してください。", en: "Enter one of {allowed}." },
  email: {
    ja: "name@example.jp の形のメールアドレスを入力してください。",
    en: "Enter an e-mail address such as name@example.jp.",
  },
  emails: {
    ja: "name@example.jp の形のメールアドレスをカンマ区切りで入力してください。",
    en: "Enter e-mail addresses such as name@example.jp, separated by commas.",
  },
  grades: {
    ja: "「A:計画以上 B:計画どおり」のように「記号:意味」を空白で区切って入力してください。",
    en: "Write 'code:meaning' pairs separated by spaces, e.g. 'A:Ahead B:On track'.",
  },
  hour: { ja: "0〜23 の整数（時）を入力してください。", en: "Enter an hour from 0 to 23." },
  thresholds: {
    ja: "「A≥100% B≥80% C≥50% D」のように、評価の記号と達成率の下限を高い順に空白で区切って並べ、最後の記号には数値を付けないでください。",
    en: "List grade codes with their lowest achievement rate, highest first, e.g. 'A≥100% B≥80% C≥50% D'; the last code has no number.",
  },
  date: {
    ja: "2013/3/31 や 平成25年3月31日 のように入力してください（空欄なら年度末日）。",
    en: "Write a date such as 2013/3/31 (empty: the last day of the fiscal year).",
  },
};

export function settingHint(def: SettingDef, lang: Lang): string {
  return HINTS[def.type][lang]
    .replace("{min}", String(def.min ?? 0))
    .replace("{max}", String(def.max ?? 0))
    .replace("{allowed}", listChoices(def.values ?? [], lang));
}

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseSettingValue(def: SettingDef, raw: unknown): Parsed {
  const text = displayValue(raw).normalize("NFKC").trim();
  switch (def.type) {
    case "text":
      return { ok: true, value: displayValue(raw) };
    case "year": {
      const r = parseFiscalYear(raw);
      return r.ok ? { ok: true, value: r.fy } : { ok: false };
    }
    case "integer":
    case "hour": {
      const n = typeof raw === "number" ? raw : Number(text.replace(/(時|日|営業日)$/, ""));
      if (!Number.isInteger(n) || n < (def.min ?? 0) || n > (def.max ?? Number.MAX_SAFE_INTEGER)) {
        return { ok: false };
      }
      return { ok: true, value: n };
    }
    case "enum": {
      const hit = (def.values ?? []).find((v) => v.toLowerCase() === text.toLowerCase());
      return hit !== undefined ? { ok: true, value: hit } : { ok: false };
    }
    case "email":
      return isEmail(text) ? { ok: true, value: text } : { ok: false };
    case "emails": {
      const list = text.split(/[,;、\s]+/).filter((p) => p !== "");
      return list.every(isEmail) ? { ok: true, value: list } : { ok: false };
    }
    case "grades": {
      const g = parseGrades(text);
      return g ? { ok: true, value: g } : { ok: false };
    }
    case "thresholds": {
      const rules = parseGradeRules(text);
      return rules ? { ok: true, value: rules } : { ok: false };
    }
    case "date": {
      const d = parseDate(raw);
      return d.ok ? { ok: true, value: d.date } : { ok: false };
    }
  }
}

export function readSettings(table: SheetTable | undefined, problems: Problem[]): Settings {
  const values = new Map<SettingKey, unknown>();
  const seen = new Set<SettingKey>();
  const keyCol = table?.headers.index.get("key");
  const valueCol = table?.headers.index.get("value");
  const problem = (
    row: number | null,
    col: number | null,
    code: Problem["code"],
    severity: Problem["severity"],
    def: SettingDef | undefined,
    extra: Record<string, string> = {},
  ) => {
    if (!table) return;
    problems.push({
      sheet: "settings",
      sheetName: table.name,
      row,
      col,
      code,
      severity,
      params: { ...(def ? { settingKey: def.key } : {}), ...extra },
    });
  };

  if (table && keyCol !== undefined) {
    for (const r of table.rows) {
      const name = r.cells[keyCol];
      if (isBlank(name)) continue;
      const def = settingOfName(name);
      if (!def) {
        problem(r.row, keyCol + 1, "setting-unknown", "warning", undefined, {
          setting: displayValue(name),
        });
        continue;
      }
      if (seen.has(def.key)) {
        problem(r.row, keyCol + 1, "setting-duplicate", "warning", def);
        continue;
      }
      seen.add(def.key);
      const raw = valueCol === undefined ? "" : r.cells[valueCol];
      if (isBlank(raw)) {
        if (def.required && def.defaultValue === "") {
          problem(r.row, (valueCol ?? keyCol) + 1, "setting-empty", "error", def);
        }
        continue;
      }
      const parsed = parseSettingValue(def, raw);
      if (parsed.ok) values.set(def.key, parsed.value);
      else
        problem(r.row, (valueCol ?? keyCol) + 1, "setting-invalid", "error", def, {
          value: displayValue(raw),
        });
    }
  }
  if (table) {
    for (const def of SETTINGS) {
      if (def.required && !seen.has(def.key) && def.defaultValue === "") {
        problem(null, null, "setting-missing", "error", def);
      }
    }
  }

  const fallback = (key: SettingKey): unknown => {
    if (values.has(key)) return values.get(key);
    const def = SETTINGS.find((s) => s.key === key);
    const parsed = def && def.defaultValue !== "" ? parseSettingValue(def, def.defaultValue) : null;
    return parsed?.ok ? parsed.value : undefined;
  };
  const str = (key: SettingKey) => String(fallback(key) ?? "");
  const num = (key: SettingKey) => Number(fallback(key) ?? 0);
  const startFy = fallback("startFy");
  const endFy = fallback("endFy");
  return {
    planName: str("planName"),
    startFy: typeof startFy === "number" ? startFy : null,
    endFy: typeof endFy === "number" ? endFy : null,
    cycle: str("cycle") as Cycle,
    dueBusinessDays: num("dueBusinessDays"),
    preNoticeDays: num("preNoticeDays"),
    reminderInterval: num("reminderInterval"),
    escalationDays: num("escalationDays"),
    senderName: str("senderName"),
    replyTo: str("replyTo"),
    outputFolderId: str("outputFolderId"),
    docsTemplateId: str("docsTemplateId"),
    slidesTemplateId: str("slidesTemplateId"),
    grades: (fallback("grades") as Grade[] | undefined) ?? parseGrades(DEFAULT_GRADES) ?? [],
    lang: str("lang") as Lang,
    sendHour: num("sendHour"),
    approvers: (fallback("approvers") as string[] | undefined) ?? [],
    gradeRules:
      (fallback("gradeRules") as GradeRule[] | undefined) ??
      parseGradeRules(DEFAULT_GRADE_RULES) ??
      [],
    issuingDivision: str("issuingDivision"),
    reportDate: (fallback("reportDate") as PlainDate | undefined) ?? null,
    digestLimit: (fallback("digestLimit") as number | undefined) ?? DEFAULT_DIGEST_LIMIT,
  };
}
