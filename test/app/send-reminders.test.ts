/** The reminder use case with the real xlsx store and scripted mailers and clocks. */
import { describe, expect, it } from "vitest";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { JOURNAL_KEY, sendReminders } from "../../src/app/send-reminders";
import { setupRegistry } from "../../src/app/setup";
import { parseRegistry } from "../../src/domain/registry";
import { ProcessLock } from "../../src/office/local-services";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import type { Mailer, OutgoingMail } from "../../src/ports";
import { MemoryProperties } from "../support/memory-properties";

// FY2012 Q1 is due 2012-07-13; with no progress typed, 人事課, 行政経営課 and 広報課 owe.
const DUE_DAY = "2012-07-13";

class ScriptedMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  constructor(
    private quota = 100,
    private readonly failFor: string[] = [],
    private readonly onSend?: () => void,
  ) {}
  remainingQuota() {
    return this.quota;
  }
  send(mail: OutgoingMail) {
    if (this.failFor.some((d) => mail.key.includes(d))) throw new Error("Invalid email: broken@");
    this.quota -= mail.to.length + mail.cc.length;
    this.sent.push(mail);
    this.onSend?.();
  }
}

function registry() {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_PLAN);
  return store;
}

const log = (store: XlsxRegistryStore) =>
  parseRegistry(store.readAll()).registry.sendLog.map((e) => [e.division, e.result]);

describe("sendReminders", () => {
  it("stops at the deadline and a second run sends exactly the rest", async () => {
    const store = registry();
    let now = Date.parse("2012-07-13T08:00:00+09:00");
    const clock = { now: () => new Date(now) };
    const mailer = new ScriptedMailer(100, [], () => {
      now += 3 * 60 * 1000; // each mail takes 3 minutes
    });
    const deps = { store, mailer, clock, lock: new ProcessLock(), journal: new MemoryProperties() };
    const first = await sendReminders(deps, { today: DUE_DAY, deadlineMs: 5 * 60 * 1000 });
    expect(first.unfinished).toBe(true);
    expect(first.sent).toHaveLength(2);
    const second = await sendReminders(deps, { today: DUE_DAY, deadlineMs: 5 * 60 * 1000 });
    expect(second.unfinished).toBe(false);
    expect(second.sent).toHaveLength(1);
    expect(mailer.sent.map((m) => m.key)).toHaveLength(new Set(mailer.sent.map((m) => m.key)).size);
    expect(log(store)).toEqual([
      ["人事課", "送信済"],
      ["広報課", "送信済"],
      ["行政経営課", "送信済"],
    ]);
  });

  it("logs a refused mail as 失敗 and tries it again on the next run", async () => {
    const store = registry();
    const deps = {
      store,
      mailer: new ScriptedMailer(100, ["広報課"]),
      clock: { now: () => new Date("2012-07-13T08:00:00+09:00") },
      lock: new ProcessLock(),
      journal: new MemoryProperties(),
    };
    const first = await sendReminders(deps, { today: DUE_DAY });
    expect(first.failed).toEqual([
      { key: "2012-07-13|広報課|期限当日", error: "Invalid email: broken@" },
    ]);
    expect(log(store)).toContainEqual(["広報課", "失敗（Invalid email: broken@）"]);
    const mailer = new ScriptedMailer();
    const second = await sendReminders({ ...deps, mailer }, { today: DUE_DAY });
    expect(second.sent).toEqual(["2012-07-13|広報課|期限当日"]);
  });

  it("never sends when another run holds the lock", async () => {
    const store = registry();
    const mailer = new ScriptedMailer();
    const busyLock = {
      withLock: () => undefined,
      withLockAsync: async () => undefined,
    };
    const result = await sendReminders(
      {
        store,
        mailer,
        clock: { now: () => new Date("2012-07-13T08:00:00+09:00") },
        lock: busyLock,
        journal: new MemoryProperties(),
      },
      { today: DUE_DAY },
    );
    expect(result.busy).toBe(true);
    expect(mailer.sent).toEqual([]);
  });

  it("repairs the log from the journal left by a crashed run before planning", async () => {
    const store = registry();
    const journal = new MemoryProperties();
    journal.set(
      JOURNAL_KEY,
      JSON.stringify([
        [
          "2012-07-12T23:00:00.000Z",
          "2012-07-13|人事課|期限当日",
          "期限当日",
          "人事課",
          "jinji@city.fujieda.example",
          5,
          "送信済",
        ],
      ]),
    );
    const mailer = new ScriptedMailer();
    await sendReminders(
      {
        store,
        mailer,
        clock: { now: () => new Date("2012-07-13T08:00:00+09:00") },
        lock: new ProcessLock(),
        journal,
      },
      { today: DUE_DAY },
    );
    expect(mailer.sent.map((m) => m.to[0])).toEqual([
      "koho@city.fujieda.example",
      "gyosei-keiei@city.fujieda.example",
    ]);
    expect(log(store)[0]).toEqual(["人事課", "送信済"]);
    expect(journal.get(JOURNAL_KEY)).toBeNull();
  });
});

/** Like PropertiesService: a value over 9 KB is refused. */
class GasSizedProperties extends MemoryProperties {
  override set(key: string, value: string): void {
    if (Buffer.byteLength(value, "utf8") > 9216) throw new Error("Argument too large: value");
    super.set(key, value);
  }
}

describe("the send journal", () => {
  it("stays under the 9 KB property limit with many divisions and long CC lists", async () => {
    const store = registry();
    const divisions = Array.from({ length: 60 }, (_, i) => [
      `市民協働推進部地域振興課まちづくり推進係第${i + 1}班`,
      "",
      "課長",
      `machizukuri-suishin-dai${i}-han@city.fujieda.example`,
      `a${i}@city.fujieda.example, b${i}@city.fujieda.example`,
      `bucho${i}@city.fujieda.example`,
    ]);
    store.appendRows("所属", divisions);
    store.appendRows(
      "取組",
      divisions.map((d, i) => [`9-${i + 1}`, "柱-6", `追加の取組 ${i + 1}`, d[0]]),
    );
    const mailer = new ScriptedMailer(10_000);
    const result = await sendReminders(
      {
        store,
        mailer,
        clock: { now: () => new Date("2012-07-13T08:00:00+09:00") },
        lock: new ProcessLock(),
        journal: new GasSizedProperties(),
      },
      { today: DUE_DAY },
    );
    expect(result.sent).toHaveLength(63);
    expect(new Set(mailer.sent.map((m) => m.key)).size).toBe(63);
    expect(log(store)).toHaveLength(63);
  });
});
