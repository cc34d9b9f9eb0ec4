import { describe, expect, it } from "vitest";
import { tokyoInstant } from "../../../src/domain/calendar";
import {
  digestKey,
  isDeferredResult,
  isSentResult,
  logEvent,
  parseDigestKey,
  planDigests,
  SEND_LOG_COLUMNS,
  sendLogRow,
  summariseLog,
} from "../../../src/domain/reminders";
import { sheetDef } from "../../../src/domain/schema";
import { demoSheets, entry, registryOf, setDivision } from "./support";

describe("sendLogRow", () => {
  it("fills 日時, キー, 種類, 所属, 宛先, 件数, 結果 in the 送信記録 order", () => {
    expect(SEND_LOG_COLUMNS).toEqual(sheetDef("sendLog").columns.map((c) => c.key));
    const sheets = demoSheets();
    setDivision(sheets, "人事課", "cc", "a@city.fujieda.example, b@city.fujieda.example");
    const [digest] = planDigests(registryOf(sheets), "2012-10-15", []).digests;
    if (!digest) throw new Error("no digest");
    const at = tokyoInstant("2012-10-15", 8, 0);
    expect(sendLogRow(digest, at, "送信済")).toEqual([
      at,
      "2012-10-15|人事課|期限当日",
      "期限当日",
      "人事課",
      "jinji@city.fujieda.example (CC: a@city.fujieda.example, b@city.fujieda.example)",
      1,
      "送信済",
    ]);
    expect(sendLogRow(digest, at, "保留", "残りの送信枠 0")[6]).toBe("保留（残りの送信枠 0）");
    expect(sendLogRow(digest, at, "失敗", "Invalid\nemail")[6]).toBe("失敗（Invalid email）");
  });
});

describe("reading the log", () => {
  it("splits keys and recognises results in Japanese and English", () => {
    expect(digestKey("2012-10-15", "人事課", "督促")).toBe("2012-10-15|人事課|督促");
    expect(parseDigestKey("2012-10-15|人事課|督促")).toEqual({
      date: "2012-10-15",
      division: "人事課",
      kind: "督促",
    });
    expect(parseDigestKey("2012-02-30|人事課|督促")).toBeUndefined();
    expect(parseDigestKey("人事課")).toBeUndefined();
    expect(["送信済", " sent ", "Sent", "送信済（再送）"].every(isSentResult)).toBe(true);
    expect(["保留", "保留（残りの送信枠 0）", "deferred"].every(isDeferredResult)).toBe(true);
    expect(["失敗", "", "保留"].some(isSentResult)).toBe(false);
  });

  it("takes date and division from 日時 (Tokyo day) and 所属 when the key is not ours", () => {
    // 00:30 in Tokyo on 10-15 is still 10-14 in UTC and in Los Angeles.
    const e = logEvent({
      key: "手入力",
      result: "送信済",
      division: "'人事課",
      at: tokyoInstant("2012-10-15", 0, 30),
    });
    expect(e).toEqual({ key: "手入力", date: "2012-10-15", division: "人事課", result: "sent" });
  });

  it("keeps a division deferred until a digest is sent to it", () => {
    const s = summariseLog([
      entry("2012-10-15|広報課|期限当日", "保留"),
      entry("2012-10-16|広報課|督促", "保留"),
      entry("2012-10-15|人事課|期限当日", "保留"),
      entry("2012-10-16|人事課|督促", "送信済"),
      entry("2012-10-17|財政課|督促", "失敗"),
    ]);
    expect([...s.deferredSince]).toEqual([["広報課", "2012-10-15"]]);
    expect([...s.sentKeys]).toEqual(["2012-10-16|人事課|督促"]);
    expect([...s.sentDays]).toEqual([["人事課", ["2012-10-16"]]]);
  });
});
