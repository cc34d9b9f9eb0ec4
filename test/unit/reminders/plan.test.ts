import { describe, expect, it } from "vitest";
import { addDays, tokyoInstant } from "../../../src/domain/calendar";
import type { Registry } from "../../../src/domain/registry";
import {
  type Digest,
  planDigests,
  type SendLogLike,
  sendLogRow,
} from "../../../src/domain/reminders";
import {
  appendRow,
  demoRegistry,
  demoSheets,
  entry,
  logged,
  registryOf,
  setDivision,
  setStatus,
} from "./support";

const JINJI = "jinji@city.fujieda.example";
const KOHO = "koho@city.fujieda.example";

const summary = (d: Digest) => ({
  key: d.key,
  kind: d.kind,
  to: d.to,
  cc: d.cc,
  items: d.items.map((i) => i.measureId),
  earliestDue: d.earliestDue,
});

/** The keys planned on each business day of a range, with the log growing as a sender would. */
function run(registry: Registry, from: string, to: string): Record<string, string[]> {
  const log: SendLogLike[] = [];
  const out: Record<string, string[]> = {};
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const plan = planDigests(registry, d, log);
    if (plan.digests.length > 0) out[d] = plan.digests.map((g) => g.key);
    log.push(...plan.digests.map((g) => logged(g, "送信済")));
  }
  return out;
}

describe("planDigests: the schedule (demo: 提出期限 10, 事前通知 3, 督促間隔 3, エスカレーション 10)", () => {
  it("sends a pre-notice 3 business days before the due date, to each division that owes", () => {
    const plan = planDigests(demoRegistry(), "2012-10-10", []);
    expect(plan.closedReason).toBeUndefined();
    expect(plan.problems).toEqual([]);
    expect(plan.digests.map(summary)).toEqual([
      {
        key: "2012-10-10|人事課|事前通知",
        kind: "事前通知",
        to: JINJI,
        cc: [],
        items: ["6-2"],
        earliestDue: "2012-10-15",
      },
      {
        key: "2012-10-10|広報課|事前通知",
        kind: "事前通知",
        to: KOHO,
        cc: [],
        items: ["5-1"],
        earliestDue: "2012-10-15",
      },
    ]);
    expect(plan.digests[0]).toMatchObject({
      date: "2012-10-10",
      head: "人事課長",
      deferred: false,
    });
  });

  it("mails pre-notice, due day, every 3rd business day overdue and escalation from the 10th", () => {
    expect(run(demoRegistry(), "2012-10-01", "2012-11-09")).toEqual({
      "2012-10-10": ["2012-10-10|人事課|事前通知", "2012-10-10|広報課|事前通知"],
      "2012-10-15": ["2012-10-15|人事課|期限当日", "2012-10-15|広報課|期限当日"],
      "2012-10-18": ["2012-10-18|人事課|督促", "2012-10-18|広報課|督促"],
      "2012-10-23": ["2012-10-23|人事課|督促", "2012-10-23|広報課|督促"],
      "2012-10-26": ["2012-10-26|人事課|督促", "2012-10-26|広報課|督促"],
      // 10 business days overdue: the escalation day itself, then every 3rd business day.
      "2012-10-29": ["2012-10-29|人事課|エスカレーション", "2012-10-29|広報課|エスカレーション"],
      "2012-10-31": ["2012-10-31|人事課|エスカレーション", "2012-10-31|広報課|エスカレーション"],
      // 11-03 文化の日 is a Saturday: 11-05 is 15 business days overdue.
      "2012-11-05": ["2012-11-05|人事課|エスカレーション", "2012-11-05|広報課|エスカレーション"],
      "2012-11-08": ["2012-11-08|人事課|エスカレーション", "2012-11-08|広報課|エスカレーション"],
    });
  });

  it("catches up a pre-notice the next day when no digest went out since the window opened", () => {
    const registry = demoRegistry();
    expect(planDigests(registry, "2012-10-11", []).digests.map((d) => d.key)).toEqual([
      "2012-10-11|人事課|事前通知",
      "2012-10-11|広報課|事前通知",
    ]);
    // 人事課 had its pre-notice on 10-10; 広報課's failed (not sent) and is caught up.
    const first = planDigests(registry, "2012-10-10", []).digests;
    const log = [
      ...first.filter((d) => d.division === "人事課").map((d) => logged(d, "送信済")),
      ...first.filter((d) => d.division === "広報課").map((d) => logged(d, "失敗")),
    ];
    expect(planDigests(registry, "2012-10-11", log).digests.map((d) => d.key)).toEqual([
      "2012-10-11|広報課|事前通知",
    ]);
  });

  it("copies the 上位責任者 on an escalation, besides the division's CC", () => {
    const sheets = demoSheets();
    setDivision(sheets, "人事課", "cc", "jinji-kakaricho@city.fujieda.example");
    setDivision(sheets, "人事課", "escalationEmail", "somu-bucho@city.fujieda.example");
    const registry = registryOf(sheets);
    const overdue = planDigests(registry, "2012-10-26", []).digests[0];
    expect(overdue && summary(overdue)).toMatchObject({
      key: "2012-10-26|人事課|督促",
      cc: ["jinji-kakaricho@city.fujieda.example"],
    });
    const plan = planDigests(registry, "2012-10-29", []);
    expect(plan.digests.map(summary)).toEqual([
      {
        key: "2012-10-29|人事課|エスカレーション",
        kind: "エスカレーション",
        to: JINJI,
        cc: ["jinji-kakaricho@city.fujieda.example", "somu-bucho@city.fujieda.example"],
        items: ["6-2"],
        earliestDue: "2012-10-15",
      },
      {
        key: "2012-10-29|広報課|エスカレーション",
        kind: "エスカレーション",
        to: KOHO,
        cc: [],
        items: ["5-1"],
        earliestDue: "2012-10-15",
      },
    ]);
    // 広報課 has no 上位責任者メール: mailed all the same, and reported.
    expect(plan.problems).toEqual([
      {
        division: "広報課",
        reason: "no-escalation-email",
        kind: "エスカレーション",
        measureIds: ["5-1"],
      },
    ]);
  });

  it("takes the most urgent kind of a division's items and lists all it owes", () => {
    const sheets = demoSheets();
    setDivision(sheets, "人事課", "escalationEmail", "somu-bucho@city.fujieda.example");
    const registry = registryOf(sheets);
    // 2013-01-15: Q3 pre-notice; 6-2 of Q2 is still owed, 59 business days late.
    const plan = planDigests(registry, "2013-01-15", []);
    const jinji = plan.digests.find((d) => d.division === "人事課");
    expect(jinji?.kind).toBe("エスカレーション");
    expect(jinji?.cc).toEqual(["somu-bucho@city.fujieda.example"]);
    expect(jinji?.earliestDue).toBe("2012-10-15");
    expect(jinji?.items.map((i) => `${i.measureId} ${i.periodKey}`)).toEqual([
      "6-2 Q2",
      "1-1 Q3",
      "1-2 Q3",
      "1-3 Q3",
      "3-1 Q3",
      "3-2 Q3",
      "4-1 Q3",
      "4-2 Q3",
      "4-3 Q3",
      "6-1 Q3",
      "6-2 Q3",
    ]);
    expect(plan.digests.find((d) => d.division === "行政経営課")?.kind).toBe("事前通知");
  });

  it("sends nothing to a division with items but no event today", () => {
    expect(planDigests(demoRegistry(), "2012-10-16", []).digests).toEqual([]);
    expect(planDigests(demoRegistry(), "2012-10-30", []).digests).toEqual([]);
  });
});

describe("planDigests: closed days", () => {
  // A deferral makes the division owed a digest on any business day: closed days still get none.
  const deferredOn = (date: string): SendLogLike[] => [
    entry(`${date}|人事課|督促`, "保留"),
    entry(`${date}|広報課|督促`, "保留"),
  ];

  it("plans nothing on a Saturday", () => {
    const plan = planDigests(demoRegistry(), "2012-10-20", deferredOn("2012-10-19"));
    expect(plan).toMatchObject({ digests: [], problems: [] });
    expect(plan.closedReason).toMatchObject({ kind: "weekend", name: "土曜日" });
    expect(
      planDigests(demoRegistry(), "2012-10-22", deferredOn("2012-10-19")).digests,
    ).toHaveLength(2);
  });

  it("plans nothing on a 祝日", () => {
    const plan = planDigests(demoRegistry(), "2013-01-14", deferredOn("2013-01-11"));
    expect(plan.digests).toEqual([]);
    expect(plan.closedReason).toMatchObject({ kind: "holiday", name: "成人の日" });
    expect(
      planDigests(demoRegistry(), "2013-01-15", deferredOn("2013-01-11")).digests,
    ).toHaveLength(3);
  });

  it("plans nothing from 12/29 to 1/3", () => {
    for (const day of ["2012-12-31", "2013-01-02", "2013-01-03"]) {
      const plan = planDigests(demoRegistry(), day, deferredOn("2012-12-28"));
      expect(plan.digests, day).toEqual([]);
      expect(plan.closedReason?.kind, day).toBe("yearEnd");
    }
    const after = planDigests(demoRegistry(), "2013-01-04", deferredOn("2012-12-28"));
    expect(after.digests.map((d) => d.key)).toEqual([
      "2013-01-04|人事課|エスカレーション",
      "2013-01-04|広報課|エスカレーション",
    ]);
  });

  it("plans nothing on a 閉庁日 row, and the due date moves to the next business day", () => {
    const sheets = demoSheets();
    appendRow(sheets, "closures", { date: "2012-10-15", name: "庁舎設備点検" });
    const registry = registryOf(sheets);
    const closed = planDigests(registry, "2012-10-15", []);
    expect(closed.digests).toEqual([]);
    expect(closed.closedReason).toEqual({
      kind: "closure",
      name: "庁舎設備点検",
      nameEn: "庁舎設備点検",
    });
    const next = planDigests(registry, "2012-10-16", []);
    expect(next.digests.map((d) => [d.key, d.earliestDue])).toEqual([
      ["2012-10-16|人事課|期限当日", "2012-10-16"],
      ["2012-10-16|広報課|期限当日", "2012-10-16"],
    ]);
  });
});

describe("planDigests: what is owed", () => {
  it("does not remind a division whose reports are submitted", () => {
    const sheets = demoSheets();
    appendRow(sheets, "progress", {
      measureId: "6-2",
      fy: 2012,
      period: "第2四半期",
      status: "提出済",
    });
    const plan = planDigests(registryOf(sheets), "2012-10-15", []);
    expect(plan.digests.map((d) => d.key)).toEqual(["2012-10-15|広報課|期限当日"]);
  });

  it("reminds a 差戻し report", () => {
    const sheets = demoSheets();
    setStatus(sheets, "4-1", "第2四半期", "差戻し");
    const plan = planDigests(registryOf(sheets), "2012-10-15", []);
    const jinji = plan.digests[0];
    expect(jinji?.division).toBe("人事課");
    expect(jinji?.items.map((i) => [i.measureId, i.status])).toEqual([
      ["4-1", "差戻し"],
      ["6-2", "未提出"],
    ]);
  });
});

describe("planDigests: never twice", () => {
  it("plans nothing on a rerun once today's digests are in 送信記録", () => {
    const sheets = demoSheets();
    const first = planDigests(registryOf(sheets), "2012-10-15");
    expect(first.digests).toHaveLength(2);
    // The run writes its rows into 送信記録; the rerun reads them back from the sheet.
    for (const d of first.digests) {
      const [at, key, kind, division, to, count, result] = sendLogRow(
        d,
        tokyoInstant("2012-10-15", 8, 0),
        "送信済",
      );
      appendRow(sheets, "sendLog", { at, key, kind, division, to, count, result });
    }
    const rerun = planDigests(registryOf(sheets), "2012-10-15");
    expect(rerun.digests).toEqual([]);
    expect(rerun.alreadySent).toEqual([
      { division: "人事課", key: "2012-10-15|人事課|期限当日" },
      { division: "広報課", key: "2012-10-15|広報課|期限当日" },
    ]);
  });

  it("after a crash at the second send, plans only what was not sent", () => {
    const registry = demoRegistry();
    const [sent] = planDigests(registry, "2012-10-15", []).digests;
    if (!sent) throw new Error("no digest");
    const rerun = planDigests(registry, "2012-10-15", [logged(sent, "送信済")]);
    expect(rerun.digests.map((d) => d.key)).toEqual(["2012-10-15|広報課|期限当日"]);
  });

  it("sends one digest per division per day, even if its kind changed since", () => {
    const registry = demoRegistry();
    const log = [
      entry("2012-10-15|人事課|事前通知", "送信済"),
      entry("2012-10-15|広報課|期限当日", "sent"),
    ];
    expect(planDigests(registry, "2012-10-15", log).digests).toEqual([]);
  });

  it("tries again a key whose send failed", () => {
    const log = [entry("2012-10-15|人事課|期限当日", "失敗（Invalid email）")];
    const keys = planDigests(demoRegistry(), "2012-10-15", log).digests.map((d) => d.key);
    expect(keys).toEqual(["2012-10-15|人事課|期限当日", "2012-10-15|広報課|期限当日"]);
  });
});

describe("planDigests: deferred digests (mail quota)", () => {
  it("puts divisions deferred on an earlier run first, under today's key", () => {
    const registry = demoRegistry();
    const log = [
      entry("2012-10-15|人事課|期限当日", "送信済"),
      entry("2012-10-15|広報課|期限当日", "保留"),
    ];
    const plan = planDigests(registry, "2012-10-18", log);
    expect(plan.digests.map((d) => [d.key, d.deferred])).toEqual([
      ["2012-10-18|広報課|督促", true],
      ["2012-10-18|人事課|督促", false],
    ]);
  });

  it("guarantees a deferred division a digest the next business day, then stops", () => {
    const registry = demoRegistry();
    const log: SendLogLike[] = [
      entry("2012-10-15|人事課|期限当日", "送信済"),
      entry("2012-10-15|広報課|期限当日", "保留"),
    ];
    // 10-16 is no reminder day: only the deferred division is mailed, with today's kind.
    const next = planDigests(registry, "2012-10-16", log);
    expect(next.digests.map((d) => d.key)).toEqual(["2012-10-16|広報課|督促"]);
    log.push(...next.digests.map((d) => logged(d, "送信済")));
    expect(planDigests(registry, "2012-10-17", log).digests).toEqual([]);
    // Deferred again (quota still short) on 10-16: still owed on 10-17.
    const again = [...log.slice(0, 2), entry("2012-10-16|広報課|督促", "deferred")];
    expect(planDigests(registry, "2012-10-17", again).digests.map((d) => d.key)).toEqual([
      "2012-10-17|広報課|督促",
    ]);
  });

  it("drops a deferral once the division owes nothing", () => {
    const sheets = demoSheets();
    appendRow(sheets, "progress", {
      measureId: "5-1",
      fy: 2012,
      period: "第2四半期",
      status: "提出済",
    });
    const log = [entry("2012-10-15|広報課|期限当日", "保留")];
    expect(planDigests(registryOf(sheets), "2012-10-16", log).digests).toEqual([]);
  });
});

describe("planDigests: problems instead of mail", () => {
  it("reports a division without a usable e-mail", () => {
    const sheets = demoSheets();
    setDivision(sheets, "広報課", "email", "");
    const plan = planDigests(registryOf(sheets), "2012-10-15", []);
    expect(plan.digests.map((d) => d.division)).toEqual(["人事課"]);
    expect(plan.problems).toEqual([
      { division: "広報課", reason: "no-email", kind: "期限当日", measureIds: ["5-1"] },
    ]);
    setDivision(sheets, "広報課", "email", "koho@@example");
    expect(planDigests(registryOf(sheets), "2012-10-15", []).problems[0]?.reason).toBe("no-email");
  });

  it("reports a 主担当課 that is not in 所属, or empty", () => {
    const sheets = demoSheets();
    setDivision(sheets, "広報課", "name", "広報広聴課");
    appendRow(sheets, "measures", {
      measureId: "7-1",
      pillarId: "柱-6",
      content: "新しい取組",
      lead: "",
    });
    // Its Q1 report is in, so only Q2 is owed.
    appendRow(sheets, "progress", { measureId: "7-1", fy: 2012, period: 1, status: "確認済" });
    const plan = planDigests(registryOf(sheets), "2012-10-15", []);
    expect(plan.digests.map((d) => d.division)).toEqual(["人事課"]);
    expect(plan.problems).toEqual([
      { division: "", reason: "no-division", kind: "期限当日", measureIds: ["7-1"] },
      { division: "広報課", reason: "no-division", kind: "期限当日", measureIds: ["5-1"] },
    ]);
  });
});
