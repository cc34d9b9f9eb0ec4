/**
 * The reminder use case refuses to send when the registry cannot say who is owed or what was
 * sent, sends a digest delivered in part to the refused addresses only, and never mails an
 * address from a cell validate rejects.
 */
import { describe, expect, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { sendReminders } from "../../src/app/send-reminders";
import { setupRegistry } from "../../src/app/setup";
import { parseRegistry } from "../../src/domain/registry";
import { ProcessLock } from "../../src/office/local-services";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import type { Mailer, OutgoingMail, SendReceipt } from "../../src/ports";
import { MemoryProperties } from "../support/memory-properties";

// FY2012 Q1 is due 2012-07-13; with no progress typed, 人事課, 行政経営課 and 広報課 owe.
const DUE_DAY = "2012-07-13";

class RefusingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  constructor(private readonly refuse: string[] = []) {}
  remainingQuota() {
    return 100;
  }
  send(mail: OutgoingMail): SendReceipt {
    this.sent.push(mail);
    return { rejected: [...mail.to, ...mail.cc].filter((a) => this.refuse.includes(a)) };
  }
}

function registry() {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_PLAN);
  return store;
}

function setHeader(store: XlsxRegistryStore, sheet: string, header: string, to: string) {
  const values = store.read(sheet)?.values ?? [];
  const col = (values[0] ?? []).indexOf(header);
  expect(col).toBeGreaterThanOrEqual(0);
  store.writeCells(sheet, 1, col + 1, [[to]]);
}

function setCell(
  store: XlsxRegistryStore,
  sheet: string,
  rowKey: string,
  header: string,
  value: string,
) {
  const values = store.read(sheet)?.values ?? [];
  const col = (values[0] ?? []).indexOf(header);
  const row = values.findIndex((r) => r[0] === rowKey);
  expect(row).toBeGreaterThan(0);
  store.writeCells(sheet, row + 1, col + 1, [[value]]);
}

const run = (store: XlsxRegistryStore, mailer: Mailer) =>
  sendReminders(
    {
      store,
      mailer,
      clock: { now: () => new Date("2012-07-13T00:00:00Z") },
      lock: new ProcessLock(),
      journal: new MemoryProperties(),
    },
    { today: DUE_DAY },
  );

describe("sendReminders checks before sending", () => {
  it("a renamed 送信記録 header: nothing sent, the header named", async () => {
    const store = registry();
    setHeader(store, "送信記録", "キー", "鍵");
    const mailer = new RefusingMailer();
    const r = await run(store, mailer);
    expect(mailer.sent).toEqual([]);
    expect(r.blocked).toEqual([
      expect.objectContaining({ sheet: "sendLog", code: "header-missing", row: 1 }),
    ]);
  });

  it("a blank 進捗 状態 header: nothing sent (confirmed reports would be chased)", async () => {
    const store = registry();
    setHeader(store, "進捗", "状態", "");
    const mailer = new RefusingMailer();
    const r = await run(store, mailer);
    expect(mailer.sent).toEqual([]);
    expect(r.blocked.map((p) => [p.sheetName, p.code])).toEqual([["進捗", "header-missing"]]);
  });

  it("a 所属 sheet without its 所属名 column: nothing sent", async () => {
    const store = registry();
    setHeader(store, "所属", "所属名", "課名");
    const mailer = new RefusingMailer();
    expect((await run(store, mailer)).blocked).toHaveLength(1);
    expect(mailer.sent).toEqual([]);
  });
});

describe("partial delivery", () => {
  it("a refused CC is logged 一部失敗 with the address, and the rerun mails that address only", async () => {
    const store = registry();
    setCell(store, "所属", "人事課", "CC", "kakari@city.fujieda.example");
    const first = new RefusingMailer(["kakari@city.fujieda.example"]);
    const r1 = await run(store, first);
    expect(r1.partial).toEqual([
      { key: `${DUE_DAY}|人事課|期限当日`, rejected: ["kakari@city.fujieda.example"] },
    ]);
    expect(r1.sent).not.toContain(`${DUE_DAY}|人事課|期限当日`);
    const log = parseRegistry(store.readAll()).registry.sendLog;
    expect(log.find((e) => e.division === "人事課")?.result).toBe(
      "一部失敗（kakari@city.fujieda.example）",
    );

    const second = new RefusingMailer();
    const r2 = await run(store, second);
    expect(second.sent.map((m) => [m.key, m.to, m.cc])).toEqual([
      [`${DUE_DAY}|人事課|期限当日`, [], ["kakari@city.fujieda.example"]],
    ]);
    expect(r2.sent).toEqual([`${DUE_DAY}|人事課|期限当日`]);
    expect(await run(store, new RefusingMailer()).then((r) => r.mails)).toEqual([]);
  });

  it("a CC cell that smuggles a header is not mailed at all", async () => {
    const store = registry();
    setCell(store, "所属", "人事課", "CC", "cc@city.fujieda.example\r\nBcc: spy@evil.example");
    const mailer = new RefusingMailer();
    await run(store, mailer);
    const jinji = mailer.sent.find((m) => m.key.includes("人事課"));
    expect(jinji?.cc).toEqual([]);
    expect(mailer.sent.flatMap((m) => [...m.to, ...m.cc])).not.toContain("spy@evil.example");
  });
});
