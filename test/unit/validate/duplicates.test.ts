import { describe, expect, it } from "vitest";
import { appendRow, templateSheets } from "../../support/raw-sheets";
import { expectSameInEnglish, render } from "./support";

describe("duplicates", () => {
  it("reports a duplicate 柱ID on the later row, naming the first", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "pillars", { pillarId: "柱-2", name: "重複した柱" });
    expect(render(sheets)).toEqual([
      {
        sheet: "柱",
        cell: `柱!A${row}`,
        code: "duplicate-pillar",
        severity: "error",
        message:
          "柱ID「柱-2」は3行目と重複しています。別の柱IDに変更するか、不要な行を削除してください。",
      },
    ]);
  });

  it("reports a duplicate 取組ID, also when written with 全角 characters", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "measures", {
      measureId: "１－１",
      pillarId: "柱-1",
      content: "重複",
      lead: "人事課",
    });
    expect(render(sheets, "en")).toEqual([
      {
        sheet: "取組",
        cell: `取組!A${row}`,
        code: "duplicate-measure",
        severity: "error",
        message:
          "The measure ID “1-1” is already used on row 2. Give this measure another ID, or delete the row if it is not needed.",
      },
    ]);
  });

  it("reports a duplicate 所属名", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "divisions", {
      name: "広報課",
      email: "koho2@city.fujieda.example",
    });
    expect(render(sheets)).toEqual([
      {
        sheet: "所属",
        cell: `所属!A${row}`,
        code: "duplicate-division",
        severity: "error",
        message:
          "所属名「広報課」は6行目と重複しています。1行にまとめ、不要な行を削除してください。",
      },
    ]);
  });

  it("warns about the same 閉庁日 twice, however the date is written", () => {
    const sheets = templateSheets();
    appendRow(sheets, "closures", { date: "2012/12/28", name: "御用納め" });
    appendRow(sheets, "closures", { date: "2012-12-27", name: "別の日" });
    const row = appendRow(sheets, "closures", {
      date: new Date("2012-12-27T15:00:00Z"),
      name: "重複",
    });
    expect(render(sheets)).toEqual([
      {
        sheet: "閉庁日",
        cell: `閉庁日!A${row}`,
        code: "duplicate-closure",
        severity: "warning",
        message: "閉庁日 2012/12/28 は2行目にも登録されています。不要な行を削除してください。",
      },
    ]);
  });

  it("reports a second 年度目標 for the same 取組 and year", () => {
    const sheets = templateSheets();
    const row = appendRow(sheets, "targets", {
      measureId: "1-1",
      fy: "平成24年度",
      targetText: "重複",
    });
    expect(render(sheets)).toEqual([
      {
        sheet: "年度目標",
        cell: `年度目標!A${row}`,
        code: "duplicate-target",
        severity: "error",
        message:
          "取組「1-1」の平成24年度の年度目標は2行目にもあります。1行にまとめ、不要な行を削除してください。",
      },
    ]);
  });

  it("reports a second 進捗 row for the same 取組, year and period, however they are written", () => {
    const sheets = templateSheets();
    const first = appendRow(sheets, "progress", {
      measureId: "1-1",
      fy: 2012,
      period: "第1四半期",
    });
    appendRow(sheets, "progress", { measureId: "1-1", fy: 2012, period: "第2四半期" });
    appendRow(sheets, "progress", { measureId: "1-2", fy: 2012, period: "第1四半期" });
    appendRow(sheets, "progress", { measureId: "1-1", fy: 2013, period: "第1四半期" });
    const row = appendRow(sheets, "progress", { measureId: "1-1", fy: "H24", period: "Q1" });
    expect(render(sheets)).toEqual([
      {
        sheet: "進捗",
        cell: `進捗!A${row}`,
        code: "duplicate-progress",
        severity: "error",
        message: `取組「1-1」の平成24年度第1四半期の進捗は${first}行目にもあります。1行にまとめ、不要な行を削除してください。`,
      },
    ]);
    expect(render(sheets, "en")[0]?.message).toBe(
      `Measure “1-1” already has a FY2012 Q1 report on row ${first}. Merge them into one row and delete the other.`,
    );
  });

  it("leaves rows with an empty or unreadable key to the other checks", () => {
    const sheets = templateSheets();
    appendRow(sheets, "progress", { measureId: "1-1", fy: "来年", period: "第1四半期" });
    appendRow(sheets, "progress", { measureId: "1-1", fy: "来年", period: "第1四半期" });
    const codes = render(sheets).map((p) => p.code);
    expect(codes).toEqual(["invalid-year", "invalid-year"]);
  });

  it("finds the same cells with English headers and the columns reversed", () => {
    const sheets = templateSheets();
    appendRow(sheets, "pillars", { pillarId: "柱-2", name: "重複した柱" });
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
    appendRow(sheets, "progress", { measureId: "1-1", fy: 2012, period: "第1四半期" });
    appendRow(sheets, "progress", { measureId: "1-1", fy: 2012, period: "第1四半期" });
    expect(expectSameInEnglish(sheets).map((p) => p.code)).toEqual([
      "duplicate-pillar",
      "duplicate-measure",
      "duplicate-target",
      "duplicate-progress",
      "duplicate-division",
      "duplicate-closure",
    ]);
  });
});
