import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../../sheets-templates";
import { MESSAGES } from "../../../src/domain/i18n";
import { VALIDATE_MESSAGES } from "../../../src/domain/i18n/validate-messages";
import { renderProblem, sortProblems } from "../../../src/domain/problem";
import { SHEETS } from "../../../src/domain/schema";
import { templateRows } from "../../../src/domain/template";
import { RULES, validateRegistry } from "../../../src/domain/validate";
import {
  appendRow,
  type MutableSheets,
  reorderedEnglish,
  setCell,
  sheetOf,
  templateSheets,
} from "../../support/raw-sheets";
import { expectSameInEnglish, validate } from "./support";

/** The bundled plan with the demo's sample progress. */
function demoSheets(): MutableSheets {
  return SHEETS.map((def) => ({
    name: def.ja,
    values: [def.columns.map((c) => c.ja), ...templateRows(def, FUJIEDA_DEMO)],
  }));
}

/** One defect for every rule. */
function everyDefect(): MutableSheets {
  const sheets = templateSheets();
  setCell(sheets, "measures", 3, "content", "");
  appendRow(sheets, "progress", { actual: 5 });
  setCell(sheets, "measures", 5, "pillarId", "柱-9");
  setCell(sheets, "measures", 2, "lead", "総務課");
  appendRow(sheets, "progress", { measureId: "7-1", fy: 2012, period: "第1四半期", done: "実施" });
  setCell(sheets, "targets", 4, "fy", 2030);
  setCell(sheets, "measures", 6, "baselineFy", 2013);
  appendRow(sheets, "pillars", { pillarId: "柱-2", name: "重複" });
  appendRow(sheets, "measures", {
    measureId: "1-1",
    pillarId: "柱-1",
    content: "重複",
    lead: "人事課",
  });
  appendRow(sheets, "divisions", { name: "広報課", email: "koho2@city.fujieda.example" });
  appendRow(sheets, "closures", { date: "2012/12/28" });
  appendRow(sheets, "closures", { date: "2012/12/28" });
  appendRow(sheets, "targets", { measureId: "1-1", fy: 2012, targetText: "重複" });
  appendRow(sheets, "progress", { measureId: "1-2", fy: 2012, period: "第1四半期", done: "実施" });
  appendRow(sheets, "progress", { measureId: "1-2", fy: 2012, period: "Q1", done: "実施" });
  appendRow(sheets, "progress", {
    measureId: "1-3",
    fy: 2012,
    period: "第1四半期",
    status: "確認済",
  });
  appendRow(sheets, "progress", {
    measureId: "2-1",
    fy: 2012,
    period: "第2四半期",
    done: "実施",
    reportedOn: "2012/06/01",
  });
  appendRow(sheets, "progress", {
    measureId: "2-2",
    fy: 2012,
    period: "第2四半期",
    done: "実施",
    reportedOn: "2012/12/01",
  });
  setCell(sheets, "measures", 7, "indicator", "相談件数");
  setCell(sheets, "measures", 7, "unit", "");
  setCell(sheets, "measures", 7, "direction", "");
  for (const f of ["indicator", "unit", "direction", "baseline", "baselineFy", "finalTarget"])
    setCell(sheets, "measures", 4, f, "");
  setCell(sheets, "targets", 8, "targetValue", 10);
  const rules = sheetOf(sheets, "settings").values.find((r) => r[0] === "評価基準");
  if (rules) rules[1] = "S≥110% A≥100% B≥80% C";
  const end = sheetOf(sheets, "settings").values.find((r) => r[0] === "終了年度");
  if (end) end[1] = 2025;
  return sheets;
}
const TODAY = { today: "2012-11-15" };

describe("validateRegistry", () => {
  it("finds nothing wrong in the bundled plan, in Japanese or English layout", () => {
    expect(validate(templateSheets())).toEqual([]);
    expect(validate(reorderedEnglish(templateSheets()))).toEqual([]);
  });

  it("finds nothing wrong in the demo's sample progress", () => {
    expect(validate(demoSheets(), TODAY)).toEqual([]);
  });

  it("returns the typed registry with the problems", () => {
    const { registry } = validateRegistry(templateSheets());
    expect(registry.measures).toHaveLength(14);
  });

  it("reports every rule, sorted by sheet, row and column", () => {
    const problems = validate(everyDefect(), TODAY);
    expect(problems).toEqual(sortProblems(problems));
    const codes = new Set(problems.map((p) => p.code));
    const all = ["required", ...Object.keys(VALIDATE_MESSAGES)].filter(
      (c) => c !== "plan-years-reversed",
    );
    expect([...all].filter((c) => !codes.has(c as never))).toEqual([]);
  });

  it("renders every problem in both languages with no placeholder left", () => {
    for (const p of validate(everyDefect(), TODAY)) {
      for (const lang of ["ja", "en"] as const) {
        const r = renderProblem(p, lang);
        expect(r.message, `${r.cell} ${r.code} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(r.cell).toMatch(/^[^!]+!([A-Z]+\d+|\d+:\d+)$/);
      }
    }
  });

  it("gives the same codes at the corresponding cells with English headers and reversed columns", () => {
    expect(expectSameInEnglish(everyDefect(), TODAY).length).toBeGreaterThan(20);
  });

  it("writes every message in 敬体, saying what to do, with an English counterpart", () => {
    for (const [code, m] of Object.entries(VALIDATE_MESSAGES)) {
      expect(m.ja, code).toMatch(/(ください|ます)）?。$/);
      expect(m.ja, code).toContain("ください");
      expect(m.ja.replace(/\{\w+\}/g, ""), code).not.toMatch(/[a-z]{4,}/);
      expect(m.en.length, code).toBeGreaterThan(20);
      expect(MESSAGES[code as keyof typeof MESSAGES], code).toBe(m);
      const names = (s: string) => [
        ...new Set((s.match(/\{(\w+)\}/g) ?? []).map((n) => n.replace(/(Ja|En)\}$/, "}"))),
      ];
      expect(names(m.en).sort(), code).toEqual(names(m.ja).sort());
    }
  });

  it("never throws on odd cell content anywhere", () => {
    const sheets = templateSheets();
    const odd: unknown[] = [
      null,
      undefined,
      true,
      Number.NaN,
      {},
      [],
      new Date(Number.NaN),
      "=1+1",
      1e308,
      -0,
      "　",
    ];
    for (const def of SHEETS) {
      if (def.kind !== "table") continue;
      for (const v of odd)
        appendRow(sheets, def.key, Object.fromEntries(def.columns.map((c) => [c.key, v])));
    }
    expect(() => validateRegistry(sheets, { today: "not a date" })).not.toThrow();
    expect(() => validateRegistry(reorderedEnglish(sheets), TODAY)).not.toThrow();
    expect(() => validateRegistry([])).not.toThrow();
  });

  it("runs each rule as a pure function of the registry and context", () => {
    expect(RULES).toHaveLength(7);
    const sheets = everyDefect();
    const first = validate(sheets, TODAY);
    expect(validate(sheets, TODAY)).toEqual(first);
  });
});
