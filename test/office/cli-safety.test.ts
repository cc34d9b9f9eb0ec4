/**
 * What people see from genki when something is wrong: options checked before anything happens,
 * files that are not workbooks left untouched, a refused recipient reported and retried alone,
 * and a demo that never writes over or deletes files it did not write.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { parseRegistry } from "../../src/domain/registry";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { genki } from "../support/cli";

const folder = () => mkdtempSync(join(tmpdir(), "genki-cli-safety-"));

async function demoRegistry(cc?: string): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  if (cc) {
    const values = store.read("所属")?.values ?? [];
    const col = (values[0] ?? []).indexOf("CC");
    const row = values.findIndex((r) => r[0] === "人事課");
    store.writeCells("所属", row + 1, col + 1, [[cc]]);
  }
  const file = join(folder(), "registry.xlsx");
  await store.save(file);
  return file;
}

describe("bad options and files get a clear message and exit 2, before anything is done", {
  timeout: 90_000,
}, () => {
  it("--smtp that is not an SMTP URL, --outbox with --smtp, --lang other than ja/en", async () => {
    const file = await demoRegistry();
    const before = readFileSync(file);
    const outbox = join(folder(), "outbox");
    const base = ["remind", file, "--today", "2012-10-15"];
    const [notUrl, ftp, both, lang, holidays] = await Promise.all([
      genki(...base, "--smtp", "not a url"),
      genki(...base, "--smtp", "ftp://127.0.0.1"),
      genki(...base, "--smtp", "smtp://127.0.0.1:1", "--outbox", outbox),
      genki(...base, "--outbox", outbox, "--lang", "xx"),
      genki("holidays", "--fy", "R7", "--lang", "xx"),
    ]);
    expect(notUrl).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--smtp「not a url」は SMTP の URL として読めません"),
    });
    expect(ftp).toMatchObject({ status: 2, stderr: expect.stringContaining("smtps://") });
    expect(both).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--outbox と --smtp は同時に指定できません"),
    });
    expect(lang).toMatchObject({ status: 2, stderr: expect.stringContaining("--lang「xx」") });
    expect(holidays).toMatchObject({ status: 2, stderr: expect.stringContaining("ja か en") });
    for (const r of [notUrl, ftp, both, lang, holidays])
      expect(r.stderr).not.toMatch(/Cannot|TypeError|at .*\.js/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(outbox)).toBe(false);
  });

  it("a zip with no workbook inside is refused and left as it was (not truncated)", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const file = join(folder(), "broken.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const before = readFileSync(file);
    const [remind, report, en] = await Promise.all([
      genki("remind", file, "--outbox", join(folder(), "o")),
      genki("report", file, "--fy", "2012", "--out", folder()),
      genki("remind", file, "--outbox", join(folder(), "o"), "--lang", "en"),
    ]);
    expect(remind).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(".xlsx 形式として読み取れません"),
    });
    expect(report).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(".xlsx 形式として読み取れません"),
    });
    expect(en.stderr).toContain("cannot be read as .xlsx");
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("partial delivery over SMTP", { timeout: 90_000 }, () => {
  it("a refused CC: 一部失敗 with the address, exit 1; the rerun mails that address only", async () => {
    const CC = "kakari@city.fujieda.example";
    let refuse = true;
    const sessions: { rcpt: string[]; raw: Buffer }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(address, _session, callback) {
        if (refuse && address.address === CC) {
          const err = new Error("No such user") as Error & { responseCode: number };
          err.responseCode = 550;
          callback(err);
        } else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          sessions.push({
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const file = await demoRegistry(CC);
      const args = ["remind", file, "--today", "2012-10-15", "--smtp", `smtp://127.0.0.1:${port}`];
      const first = await genki(...args);
      expect(first.status, first.stderr).toBe(1);
      expect(first.stdout).toContain(
        `一部失敗\t2012-10-15|人事課|期限当日\t届かなかった宛先: ${CC}`,
      );
      const { registry } = parseRegistry((await XlsxRegistryStore.open(file)).readAll());
      expect(registry.sendLog.map((e) => e.result)).toEqual([`一部失敗（${CC}）`, "送信済"]);
      expect(sessions).toHaveLength(2);

      refuse = false;
      const second = await genki(...args);
      expect(second.status, second.stderr).toBe(0);
      expect(sessions).toHaveLength(3);
      expect(sessions[2]?.rcpt).toEqual([CC]);
      expect((await simpleParser(sessions[2]?.raw ?? Buffer.alloc(0))).cc).toBeDefined();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("genki demo --out", { timeout: 90_000 }, () => {
  it("refuses a folder holding other files unless --force, and never deletes them", async () => {
    const out = folder();
    mkdirSync(join(out, "outbox"));
    writeFileSync(join(out, "registry.xlsx"), "someone's own file");
    writeFileSync(join(out, "outbox", "keep.eml"), "keep me");
    const refused = await genki("demo", "--out", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(join(out, "registry.xlsx"), "utf8")).toBe("someone's own file");

    // --force into the folder with keep.eml: the demo is written beside it
    const forced = await genki("demo", "--out", join(out, "outbox"), "--force");
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(out, "outbox", "keep.eml"), "utf8")).toBe("keep me");
    const mails = readdirSync(join(out, "outbox", "outbox"));
    expect(mails.length).toBeGreaterThan(0);
    // again: what the first demo wrote is replaced (not piled up), keep.eml still untouched
    const again = await genki("demo", "--out", join(out, "outbox"), "--force");
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(join(out, "outbox", "outbox")).sort()).toEqual(mails.sort());
    expect(readFileSync(join(out, "outbox", "keep.eml"), "utf8")).toBe("keep me");
  }, 180_000);
});
