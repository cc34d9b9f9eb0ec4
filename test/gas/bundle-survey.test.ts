/**
 * 照会ファイルを作成 / 回答を取り込む through dist/Code.js on the GAS fake: one Google Sheet per
 * division (protected, greyed, hidden stamp, logged in 出力), answers typed into them, then
 * merged back with the same rules as offline, reported in an escaped sidebar.
 */
import { describe, expect, it } from "vitest";
import type { FakeSpreadsheet } from "../gas-fake";
import { loadBundle } from "../support/bundle";

const PERIOD = "H24 第3四半期";

async function exported() {
  const bundle = loadBundle({ now: "2012-12-20T09:00:00+09:00" });
  bundle.call("menuSetup");
  bundle.fake.ui.respondToPrompt(PERIOD);
  await bundle.call("menuSurveyExport");
  const files = [...bundle.fake.spreadsheets.values()].filter((s) => s !== bundle.fake.spreadsheet);
  const of = (division: string) =>
    files.find((s) => s.name === `進捗照会_${division}_平成24年度_第3四半期`) as FakeSpreadsheet;
  return { ...bundle, files, of };
}

describe("照会ファイルを作成", () => {
  it("creates one protected Google Sheet per leading division and logs each in 出力", async () => {
    const { fake, files, of } = await exported();
    expect(files.map((s) => s.name).sort()).toEqual(
      ["人事課", "広報課", "行政経営課"].map((d) => `進捗照会_${d}_平成24年度_第3四半期`).sort(),
    );
    const ss = of("行政経営課");
    expect(ss.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["記入方法", false],
      ["進捗", false],
      ["照会情報", true],
    ]);
    const answer = ss.gas().getSheetByName("進捗");
    expect(answer?.getRange("A1:H1").getValues()[0]).toEqual([
      "取組ID",
      "年度",
      "期",
      "取組内容",
      "指標",
      "単位",
      "目標値",
      "実績値",
    ]);
    expect(answer?.getRange("A2:A3").getValues()).toEqual([["2-1"], ["2-2"]]);
    expect(answer?.getRange("D2").getBackground()).toBe("#d9d9d9");
    expect(answer?.getRange("H2").getBackground()).toBe("#ffffff");
    const locked = ss
      .sheet("進捗")
      ?.protections.map((p) => [p.getRange().getA1Notation(), p.editors]);
    expect(locked).toContainEqual(["A2:G3", []]);
    expect(ss.sheet("照会情報")?.protections).toHaveLength(1);
    expect(answer?.getRange("I2").getDataValidation()?.getCriteriaValues()[0]).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
    const outputs = fake.values("出力").slice(1);
    expect(outputs.map((r) => [r[1], r[2], r[4]])).toEqual(
      ["人事課", "行政経営課", "広報課"].map((d) => [
        "照会ファイル",
        "平成24年度",
        `進捗照会_${d}_平成24年度_第3四半期`,
      ]),
    );
    expect(outputs.map((r) => r[5])).toEqual(
      ["人事課", "行政経営課", "広報課"].map((d) => of(d).url),
    );
    expect(fake.ui.dialogs.at(-1)?.html).toContain("照会ファイルを 3 件作成しました");
  });
});

describe("回答を取り込む", () => {
  it("merges answers, rejects a tampered grey cell, keeps the registry on a conflict, escapes the sidebar", async () => {
    const { fake, call, of } = await exported();
    // The planning division typed into the registry after the export.
    fake.edit("進捗", "A2:G2", [["2-1", 2012, "第3四半期", 5, "", "", "登録簿で<記入>"]]);
    fake.editIn(of("行政経営課").id, "進捗", "H2:L2", [
      [7, "B", "D", "回答<b>太字</b>", "周知不足"],
    ]);
    fake.editIn(of("行政経営課").id, "進捗", "H3:K3", [[2, "A", "C", "行政評価を試行"]]);
    fake.editIn(of("人事課").id, "進捗", "K2", "キャリア研修を実施");
    fake.editIn(of("人事課").id, "進捗", "D3", "（書き換え）");
    fake.editIn(of("人事課").id, "進捗", "K3", "評価基準を作成");
    fake.ui.respondToPrompt(PERIOD);
    call("menuSurveyImport");

    const progress = fake.values("進捗");
    const q3 = (id: string) => progress.filter((r) => r[0] === id && r[2] === "第3四半期");
    expect(
      progress
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["1-1", "2-1", "2-2"]);
    expect(q3("2-1")[0]?.slice(3, 12)).toEqual([
      5,
      "B",
      "D",
      "登録簿で<記入>",
      "周知不足",
      "",
      "行政経営課",
      expect.anything(),
      "提出済",
    ]);
    expect(q3("2-2")[0]?.[3]).toBe(2);
    expect(q3("1-1")[0]?.[6]).toBe("キャリア研修を実施");
    const log = fake.values("変更履歴").slice(1);
    expect(new Set(log.map((r) => r[1]))).toEqual(new Set(["人事課", "行政経営課"]));

    const sidebar = fake.ui.dialogs.at(-1);
    expect(sidebar?.kind).toBe("sidebar");
    expect(sidebar?.html).toContain("取込 3 行、却下 1 件、競合 2 件");
    expect(sidebar?.html).toContain("灰色のセル「取組内容」");
    expect(sidebar?.html).toContain("回答&lt;b&gt;太字&lt;/b&gt;");
    expect(sidebar?.html).toContain("登録簿で&lt;記入&gt;");
    expect(sidebar?.html).not.toContain("<b>太字");

    // The same files again: nothing changes.
    const before = JSON.stringify([fake.values("進捗"), fake.values("変更履歴")]);
    fake.ui.respondToPrompt(PERIOD);
    call("menuSurveyImport");
    expect(JSON.stringify([fake.values("進捗"), fake.values("変更履歴")])).toBe(before);
    expect(fake.ui.dialogs.at(-1)?.html).toContain("取込 0 行、却下 1 件、競合 2 件");
  });

  it("says so when no answer file of the period was created", async () => {
    const { fake, call } = await exported();
    fake.ui.respondToPrompt("H24 第4四半期");
    call("menuSurveyImport");
    expect(fake.ui.dialogs.at(-1)?.html).toContain("照会ファイルが「出力」シートに見つかりません");
  });

  it("refuses a period it cannot read, in Japanese, and creates nothing", async () => {
    const { fake, call, files } = await exported();
    fake.ui.respondToPrompt("H24 第9四半期");
    await call("menuSurveyExport");
    expect(fake.ui.alerts.at(-1)?.message).toContain("期「第9四半期」を読めません");
    expect([...fake.spreadsheets.values()].length).toBe(files.length + 1);
  });

  it("links the division's answer file in its reminder", async () => {
    const bundle = loadBundle({ now: "2013-01-16T09:00:00+09:00" });
    bundle.call("menuSetup");
    bundle.fake.ui.respondToPrompt(PERIOD);
    await bundle.call("menuSurveyExport");
    const file = [...bundle.fake.spreadsheets.values()].find(
      (s) => s.name === "進捗照会_広報課_平成24年度_第3四半期",
    ) as FakeSpreadsheet;
    await bundle.call("menuRemindersSend");
    const mail = bundle.fake.mail.sent.find((m) => m.body.includes("広報課"));
    expect(mail?.body).toContain(file.url);
    expect(mail?.htmlBody).toContain(
      `<a href="${file.url}">進捗照会_広報課_平成24年度_第3四半期</a>`,
    );
    expect(mail?.attachments).toEqual([]);
    const other = bundle.fake.mail.sent.find((m) => m.body.includes("行政経営課"));
    expect(other?.body).not.toContain(file.url);
  });
});
