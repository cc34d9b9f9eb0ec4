/** Reminders through dist/Code.js: preview, send, never twice, quota, crash, closed days. */
import { describe, expect, it } from "vitest";
import { loadBundle } from "../support/bundle";

// FY2012 Q1 (Apr–Jun) reports are due Friday 2012-07-13: 10 business days after 6/30.
// With no progress typed yet, every lead division (人事課, 行政経営課, 広報課) owes on that day.
const DUE_DAY = "2012-07-13T09:00:00+09:00";

function ready(now = DUE_DAY) {
  const bundle = loadBundle({ now });
  bundle.call("menuSetup");
  return bundle;
}

const logRows = (fake: ReturnType<typeof loadBundle>["fake"]) =>
  (fake.spreadsheet.getSheetByName("送信記録")?.getDataRange().getValues() ?? []).slice(1);

describe("リマインダー through the bundle", () => {
  it("初期設定 creates the daily trigger once, at 送信時刻", () => {
    const { fake, call } = ready();
    call("menuSetup");
    const daily = fake.triggers.filter((t) => t.getHandlerFunction() === "runDailyReminders");
    expect(daily).toHaveLength(1);
  });

  it("previews the exact mails without sending anything", async () => {
    const { fake, call } = ready();
    await call("menuRemindersPreview");
    expect(fake.mail.sent).toEqual([]);
    const dialog = fake.ui.dialogs.at(-1);
    expect(dialog?.title).toBe("リマインダーのプレビュー（未送信）");
    expect(dialog?.html).toContain("人事課");
    expect(dialog?.html).toContain("jinji@city.fujieda.example");
    expect(logRows(fake)).toEqual([]);
  });

  it("sends one digest per division, logs each in one batched write, and never twice", async () => {
    const { fake, call } = ready();
    const mark = fake.ledger.mark();
    await call("runDailyReminders");
    const slice = fake.ledger.since(mark);
    expect(fake.mail.sent.map((m) => m.to).sort()).toEqual([
      "gyosei-keiei@city.fujieda.example",
      "jinji@city.fujieda.example",
      "koho@city.fujieda.example",
    ]);
    expect(slice.count("MailApp.sendEmail")).toBe(3);
    expect(slice.count("MailApp.getRemainingDailyQuota")).toBe(1);
    expect(slice.writes("送信記録")).toHaveLength(1);
    expect(logRows(fake).map((r) => r[6])).toEqual(["送信済", "送信済", "送信済"]);
    const jinji = fake.mail.sent.find((m) => m.to === "jinji@city.fujieda.example");
    expect(jinji?.subject).toContain("平成24年度");
    expect(logRows(fake).map((r) => r[2])).toEqual(["期限当日", "期限当日", "期限当日"]);
    expect(jinji?.htmlBody).toContain("<table");
    expect(jinji?.name).toBe("企画政策課");
    expect(jinji?.replyTo).toBe("kikaku-seisaku@city.fujieda.example");

    await call("runDailyReminders");
    await call("runDailyReminders");
    expect(fake.mail.sent).toHaveLength(3);
    expect(logRows(fake)).toHaveLength(3);
  });

  it("recovers from a crash between sending and logging without sending again", async () => {
    const { fake, call } = ready();
    fake.faults.throwOn("Range.setValues", 1);
    await call("runDailyReminders");
    expect(fake.mail.sent).toHaveLength(3);
    expect(logRows(fake)).toEqual([]);
    await call("runDailyReminders");
    expect(fake.mail.sent).toHaveLength(3);
    expect(logRows(fake).map((r) => r[6])).toEqual(["送信済", "送信済", "送信済"]);
  });

  it("defers what the mail quota cannot take and sends it first the next business day", async () => {
    const { fake, call } = ready();
    fake.faults.mailQuota(1);
    await call("runDailyReminders");
    expect(fake.mail.sent).toHaveLength(1);
    const firstDay = logRows(fake);
    expect(firstDay.map((r) => r[6])).toEqual([
      "送信済",
      expect.stringMatching(/^保留/),
      expect.stringMatching(/^保留/),
    ]);
    const deferredDivisions = firstDay
      .filter((r) => String(r[6]).startsWith("保留"))
      .map((r) => r[3]);

    fake.clock.set("2012-07-17T09:00:00+09:00"); // next business day (7/16 is 海の日)
    fake.faults.mailQuota(100);
    await call("runDailyReminders");
    const secondDay = logRows(fake).slice(firstDay.length);
    expect(secondDay.slice(0, 2).map((r) => r[3])).toEqual(deferredDivisions);
  });

  it("sends nothing on a closed day", async () => {
    const { fake, call } = ready("2012-07-16T09:00:00+09:00"); // 海の日
    await call("runDailyReminders");
    await call("menuRemindersSend");
    expect(fake.mail.sent).toEqual([]);
    expect(String(fake.ui.alerts.at(-1)?.message)).toContain("閉庁日（海の日）");
  });

  it("escapes user text in the HTML body", async () => {
    const { fake, call } = ready();
    fake.edit("取組", "C2", "<script>alert(1)</script>研修");
    await call("runDailyReminders");
    const jinji = fake.mail.sent.find((m) => m.to === "jinji@city.fujieda.example");
    expect(jinji?.htmlBody).not.toContain("<script>");
    expect(jinji?.htmlBody).toContain("&lt;script&gt;");
  });
});

describe("digests with a cap (設定 ダイジェスト最大件数)", () => {
  /** 人事課 leads `extra` more 取組, all owing FY2012 Q1 on DUE_DAY. */
  function owing(extra: number, content = (i: number) => `追加の取組 ${i}`) {
    const bundle = ready();
    const rows = Array.from({ length: extra }, (_, i) => [
      `1-${i + 10}`,
      "柱-1",
      content(i),
      "人事課",
    ]);
    if (extra > 0) bundle.fake.edit("取組", `A16:D${15 + extra}`, rows);
    return bundle;
  }
  const jinji = (fake: ReturnType<typeof loadBundle>["fake"]) =>
    fake.mail.sent.find((m) => m.to === "jinji@city.fujieda.example");
  const listed = (body: string) => (body.match(/^■ /gm) ?? []).length;

  /** what 人事課 owes in the seed plan on DUE_DAY, listed in full */
  const SEED_ITEMS = 10;

  it("lists everything when under the cap", async () => {
    const { fake, call } = owing(0);
    await call("runDailyReminders");
    expect(listed(jinji(fake)?.body ?? "")).toBe(SEED_ITEMS);
    expect(jinji(fake)?.body).not.toContain("ほかに");
  });

  it("lists 30 items by default, counts the rest and links to the 進捗 tab", async () => {
    const { fake, call } = owing(45);
    await call("runDailyReminders");
    const mail = jinji(fake);
    const total = 45 + SEED_ITEMS;
    expect(listed(mail?.body ?? "")).toBe(30);
    expect(mail?.body).toContain(`ほかに ${total - 30} 件の取組があります。`);
    const gid = fake.spreadsheet.getSheetByName("進捗")?.getSheetId();
    expect(mail?.body).toContain(`#gid=${gid}`);
    expect(mail?.htmlBody).toContain(`#gid=${gid}"`);
    expect((mail?.htmlBody.match(/<tr>/g) ?? []).length).toBe(1 + 30);
    // the other divisions owe 1 each: nothing capped, no link to a list
    const koho = fake.mail.sent.find((m) => m.to === "koho@city.fujieda.example");
    expect(koho?.body).not.toContain("ほかに");
  });

  it("follows the cap set in 設定", async () => {
    const { fake, call } = owing(10);
    const settings = fake.values("設定");
    const row = settings.findIndex((r) => r[0] === "ダイジェスト最大件数");
    expect(row).toBeGreaterThan(0);
    fake.edit("設定", `B${row + 1}`, 5);
    await call("runDailyReminders");
    expect(listed(jinji(fake)?.body ?? "")).toBe(5);
    expect(jinji(fake)?.body).toContain(`ほかに ${10 + SEED_ITEMS - 5} 件の取組があります。`);
  });

  it("keeps a huge digest under MailApp's 200 KB body limit, which the fake enforces", async () => {
    // 2,000 取組 with long contents: listed in full, the body would be far over 200 KB
    const long = (i: number) => `${"市民サービスの向上に向けた取組".repeat(12)} ${i}`;
    const { fake, call } = owing(2000, long);
    await call("runDailyReminders");
    const mail = jinji(fake);
    expect(mail).toBeDefined();
    expect(new TextEncoder().encode(mail?.htmlBody ?? "").length).toBeLessThan(200 * 1024);
    expect(mail?.body).toContain(`ほかに ${2000 + SEED_ITEMS - 30} 件の取組があります。`);
    // the fake refuses a body over the limit, as MailApp does
    expect(() =>
      fake.services.MailApp.sendEmail("a@city.fujieda.example", "件名", "あ".repeat(70_000)),
    ).toThrow("Limit Exceeded: Email Body Size.");
  });
});
