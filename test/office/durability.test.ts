/**
 * Nothing lost, nothing sent twice: `genki remind` killed (SIGKILL, from a crash point the test
 * names) at chosen moments, two runs at once, a read-only registry, a registry with a very long
 * name. Each digest is delivered exactly once whatever happens, and the registry is never damaged.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { parseRegistry } from "../../src/domain/registry";
import { backupPath, besideFile } from "../../src/office/file-names";
import { withRegistryLock } from "../../src/office/registry-lock";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { genkiEnv } from "../support/cli";

const DAY = "2012-10-15";
const KEYS = ["2012-10-15|人事課|期限当日", "2012-10-15|広報課|期限当日"];

async function demoRegistry(name = "registry.xlsx"): Promise<{ file: string; outbox: string }> {
  const dir = mkdtempSync(join(tmpdir(), "genki-durable-"));
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  const file = join(dir, name);
  await store.save(file);
  return { file, outbox: join(dir, "outbox") };
}

async function sendLog(file: string): Promise<[string, string][]> {
  const { registry } = parseRegistry((await XlsxRegistryStore.open(file)).readAll());
  return registry.sendLog.map((e) => [e.key, e.result]);
}

const remind = (
  file: string,
  outbox: string,
  env: Record<string, string> = {},
  ...more: string[]
) =>
  genkiEnv(
    { GENKI_LOCK_WAIT_MS: "20000", ...env },
    "remind",
    file,
    "--today",
    DAY,
    "--outbox",
    outbox,
    ...more,
  );

describe("remind killed at any moment, then run again", { timeout: 90_000 }, () => {
  it("killed after the 1st mail is journaled: the rerun sends only the 2nd", async () => {
    const { file, outbox } = await demoRegistry();
    const before = readFileSync(file);
    const killed = await remind(file, outbox, { GENKI_CRASH_AT: "journal:outcome:1" });
    expect(killed.signal).toBe("SIGKILL");
    expect(readFileSync(file).equals(before)).toBe(true); // never saved, never damaged
    expect(existsSync(besideFile(file, "journal"))).toBe(true);

    const rerun = await remind(file, outbox);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain("前回中断された送信 1 件を送信記録に書き戻しました");
    expect(readdirSync(outbox)).toHaveLength(2); // one each, not three
    expect(await sendLog(file)).toEqual(KEYS.map((k) => [k, "送信済"]));
    expect(existsSync(besideFile(file, "journal"))).toBe(false);
  });

  it("killed while saving after both mails: the registry is intact and the rerun sends nothing", async () => {
    const { file, outbox } = await demoRegistry();
    const before = readFileSync(file);
    const killed = await remind(file, outbox, { GENKI_CRASH_AT: "save:written" });
    expect(killed.signal).toBe("SIGKILL");
    expect(readdirSync(outbox)).toHaveLength(2);
    expect(readFileSync(file).equals(before)).toBe(true);
    // The lock of the killed run (its process is gone) does not make the rerun wait.
    const rerun = await remind(file, outbox, { GENKI_LOCK_WAIT_MS: "3000" });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain("送るリマインダーはありません");
    expect(readdirSync(outbox)).toHaveLength(2);
    expect(await sendLog(file)).toEqual(KEYS.map((k) => [k, "送信済"]));
    // the previous version is kept as the one backup
    expect(readFileSync(backupPath(file)).length).toBeGreaterThan(0);
  });

  it("killed between the server's acceptance and the journal: not sent again, and said so", async () => {
    const { file, outbox } = await demoRegistry();
    const killed = await remind(file, outbox, { GENKI_CRASH_AT: "mail:accepted:2" });
    expect(killed.signal).toBe("SIGKILL");
    const rerun = await remind(file, outbox);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`「${KEYS[1]}」は送信の途中で中断されたため`);
    expect(readdirSync(outbox)).toHaveLength(2);
    expect(await sendLog(file)).toEqual([
      [KEYS[0], "送信済"],
      [KEYS[1], "送信済（送信中に中断: 到達未確認）"],
    ]);
  });
});

describe("one writer at a time", { timeout: 90_000 }, () => {
  it("two remind runs at once send each digest once and log it once", async () => {
    const { file, outbox } = await demoRegistry();
    const [a, b] = await Promise.all([remind(file, outbox), remind(file, outbox)]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(readdirSync(outbox)).toHaveLength(2);
    expect(await sendLog(file)).toEqual(KEYS.map((k) => [k, "送信済"]));
  });

  it("a run that cannot get the lock in time names who holds it and sends nothing", async () => {
    const { file, outbox } = await demoRegistry();
    const r = await withRegistryLock(file, () =>
      remind(file, outbox, { GENKI_LOCK_WAIT_MS: "500" }),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("別の genki の実行");
    expect(r.stderr).toContain(`プロセス ${process.pid}`);
    expect(existsSync(outbox)).toBe(false);
    const en = await withRegistryLock(file, () =>
      remind(file, outbox, { GENKI_LOCK_WAIT_MS: "300" }, "--lang", "en"),
    );
    expect(en.stderr).toContain("is in use by another genki run");
  });
});

describe("what remind cannot record, it does not send", { timeout: 90_000 }, () => {
  it("a read-only registry: exit 2, a located message, nothing sent, file unchanged", async () => {
    const { file, outbox } = await demoRegistry();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const r = await remind(file, outbox);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`「${file}」は読み取り専用のため保存できません`);
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("a registry open in Excel (its ~$ owner file beside it): exit 2, nothing sent", async () => {
    const { file, outbox } = await demoRegistry();
    const owner = join(file, "..", "~$registry.xlsx");
    mkdirSync(join(owner, ".."), { recursive: true });
    writeFileSync(owner, Buffer.concat([Buffer.from([6]), Buffer.from("tanaka", "latin1")]));
    const r = await remind(file, outbox);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Excel で開かれています（tanaka）");
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  });

  it("a registry whose name takes 245 bytes: sends, saves and keeps a fixed-length journal", async () => {
    const { file, outbox } = await demoRegistry(`${"進捗管理".repeat(20)}.xlsx`);
    expect(Buffer.byteLength(join(file).split("/").at(-1) ?? "")).toBe(245);
    const r = await remind(file, outbox);
    expect(r.status, r.stderr).toBe(0);
    expect(await sendLog(file)).toHaveLength(2);
    expect(Buffer.byteLength(backupPath(file).split("/").at(-1) ?? "")).toBeLessThanOrEqual(255);
  });
});
