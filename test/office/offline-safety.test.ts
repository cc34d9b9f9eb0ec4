/**
 * The offline building blocks on their own: atomic saves (a failed save changes nothing), the
 * registry lock (a dead holder's lock is taken over at once), the send journal (a line cut off by
 * a crash), and file names limited in bytes and unique on collision.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { sendLogRow } from "../../src/domain/reminders";
import { saveAtomically } from "../../src/office/atomic-save";
import { backupPath, besideFile, boundedName, utf8Length } from "../../src/office/file-names";
import { OutboxMailer } from "../../src/office/mailers";
import { OfflineError } from "../../src/office/offline-error";
import { withRegistryLock } from "../../src/office/registry-lock";
import { FileSendJournal } from "../../src/office/send-journal";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";

const folder = () => mkdtempSync(join(tmpdir(), "genki-safety-"));

async function savedRegistry(dir: string): Promise<{ file: string; store: XlsxRegistryStore }> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  const file = join(dir, "registry.xlsx");
  await store.save(file);
  return { file, store };
}

function offlineCode(e: unknown): string {
  return e instanceof OfflineError ? `${e.code}:${String(e.params.reason ?? "")}` : String(e);
}

describe("atomic save", () => {
  it("keeps the previous version as .bak and leaves no temporary file", async () => {
    const dir = folder();
    const { file, store } = await savedRegistry(dir);
    const before = readFileSync(file);
    store.appendRows("送信記録", [[new Date(), "k", "期限当日", "人事課", "a@b.jp", 1, "送信済"]]);
    await saveAtomically(store, file);
    expect(readFileSync(backupPath(file)).equals(before)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["registry.xlsx", "registry.xlsx.bak"]);
  });

  it("a workbook that cannot be serialised leaves the registry byte for byte as it was", async () => {
    const dir = folder();
    const { file, store } = await savedRegistry(dir);
    const before = readFileSync(file);
    store.workbook.xlsx.writeBuffer = () => Promise.reject(new TypeError("date1904"));
    const error = await saveAtomically(store, file).catch((e: unknown) => e);
    expect(offlineCode(error)).toBe("save-failed:save-reason-serialise");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["registry.xlsx"]);
  });

  it("a copy that does not read back as holding what was written is not renamed over", async () => {
    const dir = folder();
    const { file, store } = await savedRegistry(dir);
    const before = readFileSync(file);
    const error = await saveAtomically(store, file, {
      verify: () => {
        throw new Error("rows missing");
      },
    }).catch((e: unknown) => e);
    expect(offlineCode(error)).toBe("save-failed:save-reason-read-back");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a read-only registry is refused before anything is written", async () => {
    const dir = folder();
    const { file, store } = await savedRegistry(dir);
    chmodSync(file, 0o444);
    const error = await saveAtomically(store, file).catch((e: unknown) => e);
    expect(offlineCode(error)).toBe("file-read-only:");
    expect(readdirSync(dir)).toEqual(["registry.xlsx"]);
  });
});

describe("registry lock", () => {
  it("takes over at once a lock whose holder process is gone", async () => {
    const dir = folder();
    const file = join(dir, "registry.xlsx");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid ?? 999_999;
    const lock = besideFile(file, "lock");
    mkdirSync(lock);
    writeFileSync(
      join(lock, "owner.json"),
      JSON.stringify({ pid: dead, host: hostname(), command: "remind", since: "x" }),
    );
    const started = Date.now();
    expect(await withRegistryLock(file, async () => "mine", 1000)).toBe("mine");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(existsSync(lock)).toBe(false); // released
  });

  it("waits a bounded time for a live holder, then names it", async () => {
    const file = join(folder(), "registry.xlsx");
    const error = await withRegistryLock(file, () =>
      withRegistryLock(file, async () => "never", 300),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfflineError);
    expect((error as OfflineError).code).toBe("lock-busy");
    expect((error as OfflineError).params).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
  });
});

describe("send journal", () => {
  it("keeps outcomes, marks an intent without outcome as of unknown fate, skips a torn line", () => {
    const file = join(folder(), "registry.xlsx");
    const journal = new FileSendJournal(file);
    const digest = (division: string) => ({
      key: `2012-10-15|${division}|期限当日`,
      kind: "期限当日" as const,
      division,
      to: "a@city.example",
      cc: [],
      items: [1],
    });
    const at = new Date("2012-10-15T00:00:00Z");
    journal.intend(sendLogRow(digest("人事課"), at, "送信済"));
    journal.settle(sendLogRow(digest("人事課"), at, "送信済"));
    journal.intend(sendLogRow(digest("広報課"), at, "送信済"));
    appendFileSync(journal.path, '{"t":"intent","row":["2012');
    const state = new FileSendJournal(file).read();
    expect(state.rows.map((r) => [r[1], r[6]])).toEqual([
      ["2012-10-15|人事課|期限当日", "送信済"],
      ["2012-10-15|広報課|期限当日", "送信済（送信中に中断: 到達未確認）"],
    ]);
    expect(state.uncertain).toEqual(["2012-10-15|広報課|期限当日"]);
    expect(state.torn).toEqual([4]);
    // the journal's name does not grow with the registry's
    const long = new FileSendJournal(join(folder(), `${"あ".repeat(80)}.xlsx`));
    expect(utf8Length(long.path.split("/").at(-1) ?? "")).toBe(
      utf8Length(journal.path.split("/").at(-1) ?? ""),
    );
  });
});

describe("file names", () => {
  it("limits names in bytes, keeping the suffix and telling long names apart", () => {
    const a = boundedName("柱".repeat(100), ".docx");
    const b = boundedName(`${"柱".repeat(99)}X`, ".docx");
    expect(utf8Length(a)).toBeLessThanOrEqual(255);
    expect(a.endsWith(".docx")).toBe(true);
    expect(a).not.toBe(b);
  });

  it("two divisions whose names map to one .eml get two files; a 100-character name works", async () => {
    const dir = folder();
    const mailer = new OutboxMailer(dir);
    const mail = (division: string) => ({
      key: `2012-10-15|${division}|期限当日`,
      to: ["a@city.example"],
      cc: [],
      subject: division,
      text: "t",
      html: "<p>t</p>",
      senderName: "s",
      replyTo: "",
    });
    await mailer.send(mail("総務部/人事課"));
    await mailer.send(mail("総務部 人事課"));
    await mailer.send(mail("課".repeat(100)));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    expect(files).toContain("2012-10-15_総務部_人事課_期限当日.eml");
    expect(files).toContain("2012-10-15_総務部_人事課_期限当日-2.eml");
    for (const f of files) expect(utf8Length(f)).toBeLessThanOrEqual(255);
  });
});
