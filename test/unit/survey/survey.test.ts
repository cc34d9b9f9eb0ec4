/** The survey domain: what goes out per division, the stamp, and every way an answer merges. */
import { describe, expect, it } from "vitest";
import { periodOf } from "../../../src/domain/calendar";
import { parseRegistry } from "../../../src/domain/registry";
import {
  buildSurveys,
  type MergePlan,
  planMerge,
  type ReturnedFile,
  readStamp,
  type SurveyFile,
  sha256Hex,
  stampValues,
  surveyCol,
} from "../../../src/domain/survey";
import {
  appendRow,
  type MutableSheets,
  reorderedEnglish,
  sheetOf,
  templateSheets,
} from "../../support/raw-sheets";

const Q2 = periodOf(2012, "四半期", 2) as NonNullable<ReturnType<typeof periodOf>>;
const EXPORTED_AT = new Date("2012-09-25T01:00:00Z");
const TODAY = "2012-10-12";

function exportFrom(sheets: MutableSheets): SurveyFile[] {
  const { registry } = parseRegistry(sheets);
  const by = (name: string) => sheets.find((s) => s.name === name);
  return buildSurveys(
    registry,
    { progress: by("進捗"), measures: by("取組"), targets: by("年度目標") },
    Q2,
    EXPORTED_AT,
  );
}

/** The file as it comes back: the same tabs, values as a person left them. */
interface Returned extends ReturnedFile {
  sheets: { name: string; values: unknown[][] }[];
}

function returned(file: SurveyFile): Returned {
  return {
    source: `/tmp/${file.title}.xlsx`,
    sheets: [
      { name: file.instructions.name, values: file.instructions.values.map((r) => [...r]) },
      { name: file.answerSheet.name, values: file.answerSheet.values.map((r) => [...r]) },
      { name: file.stamp.name, values: file.stamp.values.map((r) => [...r]) },
    ],
  };
}

function answerOf(f: ReturnType<typeof returned>) {
  const s = f.sheets.find((x) => x.name === "進捗");
  if (!s) throw new Error("no answer sheet");
  return s;
}

/** A person typing into the answer sheet (row is the sheet row, header is row 1). */
function type(f: ReturnType<typeof returned>, row: number, key: string, value: unknown) {
  const r = answerOf(f).values[row - 1] as unknown[];
  r[surveyCol(key) - 1] = value;
}

function setup() {
  const sheets = templateSheets();
  const files = exportFrom(sheets);
  const file = files.find((f) => f.division === "行政経営課") as SurveyFile;
  return { sheets, files, file, answer: returned(file) };
}

/** Writes a plan into the raw sheets as the use case would. */
function apply(sheets: MutableSheets, plan: MergePlan) {
  const progress = sheetOf(sheets, "progress");
  for (const w of plan.writes) {
    const row = progress.values[w.row - 1] as unknown[];
    row[w.col - 1] = w.value;
  }
  progress.values.push(...plan.appends.map((r) => [...r]));
  const log = sheetOf(sheets, "auditLog");
  log.values.push(
    ...plan.audit.map((a) => ["now", plan.division, "進捗", a.cell, a.oldValue, a.newValue]),
  );
}

const col = (key: string) =>
  [
    "measureId",
    "fy",
    "period",
    "actual",
    "grade",
    "pdca",
    "done",
    "issues",
    "next",
    "reporter",
    "reportedOn",
    "status",
  ].indexOf(key);

describe("sha256Hex", () => {
  it("matches the FIPS 180-4 test vectors and hashes UTF-8", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    // "進捗" in UTF-8 is e9 80 b2 e6 8d 97
    expect(sha256Hex("進捗")).not.toBe(sha256Hex("進"));
  });
});

describe("buildSurveys", () => {
  it("makes one file per leading division with only its 取組, the registry's headers and the due date", () => {
    const { files } = setup();
    expect(files.map((f) => f.division)).toEqual(["人事課", "行政経営課", "広報課"]);
    const f = files[1] as SurveyFile;
    expect(f.title).toBe("進捗照会_行政経営課_平成24年度_第2四半期");
    expect(f.answerSheet.values[0]).toEqual([
      "取組ID",
      "年度",
      "期",
      "取組内容",
      "指標",
      "単位",
      "目標値",
      "実績値",
      "評価",
      "PDCA",
      "実施内容",
      "課題",
      "次の対応",
      "報告者",
      "報告日",
      "状態",
    ]);
    expect(f.answerSheet.values.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["2-1", "平成24年度", "第2四半期"],
      ["2-2", "平成24年度", "第2四半期"],
    ]);
    expect(f.answerSheet.lockedCols).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(f.answerSheet.dropdowns.find((d) => d.col === surveyCol("status"))).toMatchObject({
      values: ["未提出", "提出済"],
    });
    // Q2 ends 2012-09-30; 10 business days later, skipping 体育の日 (10/8), is Monday 10/15.
    expect(f.dueDate).toBe("2012-10-15");
    expect(f.instructions.values.flat().join("\n")).toContain("平成24年10月15日(月)");
    const stamp = readStamp({ name: f.stamp.name, values: f.stamp.values });
    expect(stamp.ok && stamp.stamp).toMatchObject({ division: "行政経営課", fy: 2012, period: 2 });
  });

  it("pre-fills an earlier answer and keeps an English registry's own headers", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", {
      measureId: "2-1",
      fy: 2012,
      period: "第2四半期",
      actual: 3,
      done: "途中まで",
    });
    const english = reorderedEnglish(sheets) as MutableSheets;
    const { registry } = parseRegistry(english);
    const by = (name: string) => english.find((s) => s.name === name);
    const files = buildSurveys(
      registry,
      { progress: by("Progress"), measures: by("Measures"), targets: by("Annual targets") },
      Q2,
      EXPORTED_AT,
    );
    const f = files.find((x) => x.division === "行政経営課") as SurveyFile;
    expect(f.answerSheet.name).toBe("Progress");
    expect(f.answerSheet.values[0]?.slice(0, 4)).toEqual([
      "Measure ID",
      "Fiscal year",
      "Period",
      "Measure",
    ]);
    const row = f.answerSheet.values[1] as unknown[];
    expect(row[surveyCol("actual") - 1]).toBe(3);
    expect(row[surveyCol("done") - 1]).toBe("途中まで");
  });
});

describe("planMerge", () => {
  it("accepts a filled row: written as 提出済 with who and when, logged, the untouched row left alone", () => {
    const { sheets, answer } = setup();
    type(answer, 2, "actual", 12);
    type(answer, 2, "grade", "B");
    type(answer, 2, "done", "研修を2回実施しました");
    const plan = planMerge(sheets, answer, TODAY);
    expect(plan.rejected).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.accepted.map((a) => a.measureId)).toEqual(["2-1"]);
    expect(plan.appends).toHaveLength(1);
    const row = plan.appends[0] as unknown[];
    expect(row[col("measureId")]).toBe("2-1");
    expect(row[col("actual")]).toBe(12);
    expect(row[col("status")]).toBe("提出済");
    expect(row[col("reporter")]).toBe("行政経営課");
    expect(Object.prototype.toString.call(row[col("reportedOn")])).toBe("[object Date]");
    expect(plan.division).toBe("行政経営課");
    expect(plan.audit.map((a) => a.newValue)).toContain("研修を2回実施しました");
  });

  it("changes nothing when the same file is imported twice", () => {
    const { sheets, answer } = setup();
    type(answer, 2, "actual", 12);
    type(answer, 3, "done", "検討中");
    apply(sheets, planMerge(sheets, answer, TODAY));
    const before = JSON.stringify(sheets);
    const again = planMerge(sheets, answer, TODAY);
    expect(again.accepted).toEqual([]);
    expect(again.rejected).toEqual([]);
    expect(again.writes).toEqual([]);
    expect(again.appends).toEqual([]);
    expect(again.audit).toEqual([]);
    apply(sheets, again);
    expect(JSON.stringify(sheets)).toBe(before);
  });

  it("ignores a file nobody filled in", () => {
    const { sheets, answer } = setup();
    const plan = planMerge(sheets, answer, TODAY);
    expect([plan.accepted, plan.rejected, plan.conflicts, plan.appends]).toEqual([[], [], [], []]);
  });

  it("keeps the registry's value on a conflict, reports both values and merges the rest of the row", () => {
    const { sheets, answer } = setup();
    // After the export, someone typed into the registry directly.
    const regRow = appendRow(sheets, "progress", {
      measureId: "2-1",
      fy: 2012,
      period: "第2四半期",
      actual: 5,
    });
    type(answer, 2, "actual", 7);
    type(answer, 2, "issues", "人員不足");
    const plan = planMerge(sheets, answer, TODAY);
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({
      measureId: "2-1",
      sheet: "進捗",
      cell: "H2",
      column: "実績値",
      registryCell: `進捗!D${regRow}`,
      registryValue: "5",
      fileValue: "7",
      exportedValue: "",
    });
    expect(plan.conflicts[0]?.message).toContain("登録簿の値を残しました");
    const written = new Map(plan.writes.map((w) => [w.col - 1, w.value]));
    expect(written.has(col("actual"))).toBe(false);
    expect(written.get(col("issues"))).toBe("人員不足");
    expect(written.get(col("status"))).toBe("提出済");
    apply(sheets, plan);
    const again = planMerge(sheets, answer, TODAY);
    expect(again.writes).toEqual([]);
    expect(again.conflicts).toHaveLength(1);
    expect(sheetOf(sheets, "progress").values[regRow - 1]?.[col("actual")]).toBe(5);
  });

  type Answer = ReturnType<typeof returned>;
  const cases: {
    name: string;
    reason: string;
    cell: string;
    measureId: string;
    tamper: (a: Answer, sheets: MutableSheets, file: SurveyFile) => void;
  }[] = [
    {
      name: "a missing stamp",
      reason: "survey-stamp-missing",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => {
        a.sheets.splice(2, 1);
      },
    },
    {
      name: "a changed stamp",
      reason: "survey-stamp-broken",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => {
        const stamp = a.sheets[2] as { values: unknown[][] };
        const row = stamp.values.find((r) => r[0] === "行") as unknown[];
        row[1] = String(row[1]).replace("2-1", "2-2");
      },
    },
    {
      name: "another registry's file",
      reason: "survey-other-registry",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => {
        const stamp = a.sheets[2] as { name: string; values: unknown[][] };
        const read = readStamp(stamp);
        if (!read.ok) throw new Error("stamp");
        stamp.values = stampValues({ ...read.stamp, registry: "別市の計画" });
      },
    },
    {
      name: "a renamed answer sheet",
      reason: "survey-sheet-missing",
      cell: "",
      measureId: "",
      tamper: (a) => {
        (a.sheets[1] as { name: string }).name = "回答";
      },
    },
    {
      name: "a renamed header",
      reason: "survey-layout-changed",
      cell: "A1",
      measureId: "",
      tamper: (a) => {
        (answerOf(a).values[0] as unknown[])[surveyCol("actual") - 1] = "実績";
      },
    },
    {
      name: "an unknown 取組ID",
      reason: "survey-unknown-measure",
      cell: "A2",
      measureId: "9-9",
      tamper: (a) => type(a, 2, "measureId", "9-9"),
    },
    {
      name: "another division's 取組",
      reason: "survey-other-division",
      cell: "A2",
      measureId: "1-1",
      tamper: (a) => type(a, 2, "measureId", "1-1"),
    },
    {
      name: "a row of another period",
      reason: "survey-wrong-period",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => type(a, 2, "period", "第3四半期"),
    },
    {
      name: "a row pasted twice",
      reason: "survey-duplicate-row",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => {
        answerOf(a).values.push([...(answerOf(a).values[1] as unknown[])]);
      },
    },
    {
      name: "a 取組 added after the export",
      reason: "survey-not-exported",
      cell: "A4",
      measureId: "2-9",
      tamper: (a, sheets) => {
        appendRow(sheets, "measures", {
          measureId: "2-9",
          pillarId: "柱-2",
          content: "新しい取組",
          lead: "行政経営課",
        });
        const row = [...(answerOf(a).values[1] as unknown[])];
        row[0] = "2-9";
        answerOf(a).values.push(row);
      },
    },
    {
      name: "a changed locked cell",
      reason: "survey-locked-changed",
      cell: "A2",
      measureId: "2-1",
      tamper: (a) => type(a, 2, "content", "書き換えた取組内容"),
    },
    {
      name: "a row confirmed in the registry since",
      reason: "survey-confirmed",
      cell: "A2",
      measureId: "2-1",
      tamper: (_a, sheets) => {
        appendRow(sheets, "progress", {
          measureId: "2-1",
          fy: 2012,
          period: "第2四半期",
          grade: "B",
          done: "確認済みの報告",
          status: "確認済",
        });
      },
    },
    {
      name: "a value `genki validate` refuses",
      reason: "survey-invalid",
      cell: "H2",
      measureId: "2-1",
      tamper: (a) => type(a, 2, "actual", "たくさん"),
    },
    {
      name: "a status only the planning division gives",
      reason: "survey-status-reserved",
      cell: "P2",
      measureId: "2-1",
      tamper: (a) => type(a, 2, "status", "確認済"),
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} with a located message and writes nothing of that row`, () => {
      const { sheets, answer, file } = setup();
      type(answer, 2, "actual", 12);
      type(answer, 2, "done", "実施しました");
      c.tamper(answer, sheets, file);
      const plan = planMerge(sheets, answer, TODAY);
      const hit = plan.rejected.find((r) => r.reason === c.reason);
      expect(hit, JSON.stringify(plan.rejected)).toMatchObject({
        file: answer.source,
        cell: c.cell,
        measureId: c.measureId,
      });
      expect(hit?.message).toMatch(/。/);
      const touched = [
        ...plan.appends.map((r) => r[col("measureId")]),
        ...plan.writes.map(
          (w) => sheetOf(sheets, "progress").values[w.row - 1]?.[col("measureId")],
        ),
      ];
      if (c.measureId !== "") expect(touched).not.toContain(c.measureId);
      expect(plan.accepted.map((a) => a.measureId)).not.toContain(c.measureId);
    });
  }
});
