import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("MailApp", () => {
  it("accepts the message object and the positional signatures, normalised", () => {
    const fake = createGasFake();
    const { MailApp } = fake.services;
    MailApp.sendEmail({
      to: "kikaku@example.jp",
      cc: "boss@example.jp",
      subject: "【元気計画】提出のお願い",
      body: "本文",
      htmlBody: "<p>本文</p>",
      name: "企画政策課",
      replyTo: "kikaku@example.jp",
    });
    MailApp.sendEmail("a@example.jp, b@example.jp", "件名", "本文", { name: "送信者" });
    MailApp.sendEmail("c@example.jp", "reply@example.jp", "件名2", "本文2");
    expect(fake.mail.sent.map((m) => [m.to, m.cc, m.subject, m.name, m.replyTo])).toEqual([
      [
        "kikaku@example.jp",
        "boss@example.jp",
        "【元気計画】提出のお願い",
        "企画政策課",
        "kikaku@example.jp",
      ],
      ["a@example.jp, b@example.jp", "", "件名", "送信者", ""],
      ["c@example.jp", "", "件名2", "", "reply@example.jp"],
    ]);
    expect(fake.mail.sent[0]?.htmlBody).toBe("<p>本文</p>");
    expect(fake.mail.sent[1]?.bcc).toBe("");
    // stamped when the send completes: the clock has moved by its 1.2 s cost
    expect(fake.mail.sent[0]?.sentAt.toISOString()).toBe("2026-04-01T00:00:01.200Z");
  });

  it("counts every recipient against the daily quota", () => {
    const fake = createGasFake({ mailQuota: 3 });
    const { MailApp } = fake.services;
    MailApp.sendEmail({ to: "a@example.jp", cc: "b@example.jp", subject: "s", body: "b" });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() =>
      MailApp.sendEmail({ to: "a@example.jp", bcc: "c@example.jp", subject: "s", body: "b" }),
    ).toThrow("Service invoked too many times for one day: email.");
    MailApp.sendEmail("a@example.jp", "s", "b");
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(fake.mail.sent).toHaveLength(2);
  });

  it("rejects missing and malformed recipients", () => {
    const { MailApp } = createGasFake().services;
    expect(() => MailApp.sendEmail({ subject: "s", body: "b" })).toThrow(
      "Failed to send email: no recipient",
    );
    expect(() => MailApp.sendEmail("not-an-address", "s", "b")).toThrow(
      "Invalid email: not-an-address",
    );
  });
});

describe("PropertiesService and CacheService", () => {
  it("stores property values as strings, per store", () => {
    const fake = createGasFake();
    const { PropertiesService } = fake.services;
    const script = PropertiesService.getScriptProperties();
    script.setProperty("cursor", 42 as unknown as string);
    script.setProperties({ a: "1", b: "2" });
    expect(script.getProperty("cursor")).toBe("42");
    expect(script.getProperty("missing")).toBeNull();
    expect(script.getKeys()).toEqual(["cursor", "a", "b"]);
    script.deleteProperty("a");
    expect(script.getProperties()).toEqual({ cursor: "42", b: "2" });
    expect(PropertiesService.getUserProperties().getProperties()).toEqual({});
    script.setProperties({ only: "1" }, true);
    expect(script.getKeys()).toEqual(["only"]);
    expect(() => script.setProperty("big", "x".repeat(10_000))).toThrow(
      "Argument too large: value",
    );
    script.deleteAllProperties();
    expect(PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
  });

  it("expires cache entries against the fake clock", () => {
    const fake = createGasFake();
    const cache = fake.services.CacheService.getScriptCache();
    cache.put("k", "v", 60);
    cache.putAll({ a: "1", b: "2" });
    expect(cache.get("k")).toBe("v");
    expect(cache.getAll(["a", "b", "c"])).toEqual({ a: "1", b: "2" });
    fake.clock.advance(61_000);
    expect(cache.get("k")).toBeNull();
    expect(cache.get("a")).toBe("1"); // default ttl 600 s
    fake.clock.advance(600_000);
    expect(cache.get("a")).toBeNull();
    cache.put("x", "y");
    cache.removeAll(["x"]);
    expect(cache.get("x")).toBeNull();
  });
});

describe("Session, Logger and console", () => {
  it("reports the user, time zone and locale", () => {
    const { Session } = createGasFake({ user: "kikaku@example.jp" }).services;
    expect(Session.getActiveUser().getEmail()).toBe("kikaku@example.jp");
    expect(Session.getEffectiveUser().getEmail()).toBe("kikaku@example.jp");
    expect(Session.getScriptTimeZone()).toBe("Asia/Tokyo");
    expect(Session.getActiveUserLocale()).toBe("ja");
  });

  it("captures console output", () => {
    const fake = createGasFake();
    const c = fake.globals.console as { error(...a: unknown[]): void; warn(...a: unknown[]): void };
    c.error("失敗:", { code: 1 });
    c.warn("注意");
    expect(fake.logs).toEqual([
      { level: "error", message: '失敗: {"code":1}' },
      { level: "warn", message: "注意" },
    ]);
  });
});

describe("Utilities in Asia/Tokyo while the process runs in America/Los_Angeles", () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("formats dates in the requested zone", () => {
    const { Utilities } = createGasFake().services;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(480); // the host really is in LA
    const d = new Date("2026-03-31T15:30:05Z"); // 2026-04-01 00:30:05 in Tokyo, still 3/31 in LA
    expect(Utilities.formatDate(d, "Asia/Tokyo", "yyyy-MM-dd HH:mm:ss")).toBe(
      "2026-04-01 00:30:05",
    );
    expect(Utilities.formatDate(d, "Asia/Tokyo", "yyyy/M/d E")).toBe("2026/4/1 Wed");
    expect(Utilities.formatDate(d, "Asia/Tokyo", "yyyyMMdd'T'HHmm")).toBe("20260401T0030");
    expect(Utilities.formatDate(d, "UTC", "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe("2026-03-31T15:30:05Z");
    expect(Utilities.formatDate(d, "Asia/Tokyo", "Z")).toBe("+0900");
  });

  it("parses typed dates as midnight in the spreadsheet zone", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1").setValue("2013/7/10");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe(
      "2013-07-09T15:00:00.000Z",
    );
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2013/07/10");
  });

  it("sleeps on the fake clock, makes uuids, blobs, base64 and digests", () => {
    const fake = createGasFake();
    const { Utilities } = fake.services;
    const t0 = fake.clock.nowMs();
    Utilities.sleep(2000);
    expect(fake.clock.nowMs() - t0).toBe(2000);
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const blob = Utilities.newBlob("元気", "text/plain", "a.txt");
    expect(blob.getDataAsString()).toBe("元気");
    expect(blob.getName()).toBe("a.txt");
    expect(blob.getBytes()[0]).toBeLessThan(0); // signed bytes like Java
    expect(Utilities.base64Encode("abc")).toBe("YWJj");
    const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, "abc");
    expect(digest).toHaveLength(32);
    expect(Utilities.formatString("%s件", 3)).toBe("3件");
  });
});

describe("Ui and HtmlService", () => {
  it("records menus with items and separators", () => {
    const fake = createGasFake();
    const ui = fake.services.SpreadsheetApp.getUi();
    ui.createMenu("元気計画")
      .addItem("初期設定", "menuSetup")
      .addSeparator()
      .addItem("全体チェック", "menuValidate")
      .addSubMenu(ui.createMenu("出力").addItem("スライド", "menuDeck"))
      .addToUi();
    expect(fake.ui.menu("元気計画")?.items).toEqual([
      { caption: "初期設定", functionName: "menuSetup" },
      { separator: true },
      { caption: "全体チェック", functionName: "menuValidate" },
      { submenu: { title: "出力", items: [{ caption: "スライド", functionName: "menuDeck" }] } },
    ]);
  });

  it("answers alerts from a queue (default OK / YES) and records dialogs", () => {
    const fake = createGasFake();
    const { SpreadsheetApp, HtmlService } = fake.services;
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert("完了しました")).toBe(ui.Button.OK);
    expect(ui.alert("確認", "送信しますか?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    fake.ui.respond("NO");
    expect(ui.alert("確認", "送信しますか?", ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    fake.ui.respondToPrompt("2026");
    const answer = ui.prompt("年度", "年度を入力してください", ui.ButtonSet.OK_CANCEL);
    expect([answer.getResponseText(), String(answer.getSelectedButton())]).toEqual(["2026", "OK"]);
    expect(fake.ui.alerts.map((a) => [a.title, a.message, a.buttons, a.response])).toEqual([
      ["", "完了しました", "OK", "OK"],
      ["確認", "送信しますか?", "YES_NO", "YES"],
      ["確認", "送信しますか?", "YES_NO", "NO"],
      ["年度", "年度を入力してください", "OK_CANCEL", "OK"],
    ]);
    ui.showSidebar(
      HtmlService.createHtmlOutput("<ul><li>進捗!F12</li></ul>").setTitle("チェック結果"),
    );
    ui.showModalDialog(HtmlService.createHtmlOutput("<p>ok</p>").setWidth(400), "プレビュー");
    expect(fake.ui.dialogs).toEqual([
      { kind: "sidebar", title: "チェック結果", html: "<ul><li>進捗!F12</li></ul>" },
      { kind: "modal", title: "プレビュー", html: "<p>ok</p>", width: 400 },
    ]);
  });
});
