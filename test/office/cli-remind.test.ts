import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { FUJIEDA_DEMO } from "../../sheets-templates";
import { setupRegistry } from "../../src/app/setup";
import { tokyoDateOf } from "../../src/domain/calendar";
import { parseRegistry } from "../../src/domain/registry";
import { besideFile } from "../../src/office/file-names";
import { XlsxRegistryStore } from "../../src/office/xlsx-store";
import { genki } from "../support/cli";

async function demoRegistry(): Promise<string> {
  const store = XlsxRegistryStore.empty();
  setupRegistry({ store }, FUJIEDA_DEMO);
  const file = join(mkdtempSync(join(tmpdir(), "genki-remind-")), "registry.xlsx");
  await store.save(file);
  return file;
}

describe("genki remind", () => {
  it("--dry-run --json lists the digests of the day and changes nothing", async () => {
    const file = await demoRegistry();
    const before = readFileSync(file);
    const r = await genki("remind", file, "--today", "2012-10-15", "--dry-run", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      digests: {
        division: string;
        kind: string;
        key: string;
        items: { measureId: string; dueDate: string }[];
      }[];
    };
    expect(json.digests.map((d) => [d.division, d.kind, d.key])).toEqual([
      ["人事課", "期限当日", "2012-10-15|人事課|期限当日"],
      ["広報課", "期限当日", "2012-10-15|広報課|期限当日"],
    ]);
    expect(json.digests[0]?.items).toEqual([
      expect.objectContaining({ measureId: "6-2", dueDate: "2012-10-15" }),
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("--outbox writes one .eml per digest and the send log back into the workbook; a rerun sends nothing", async () => {
    const file = await demoRegistry();
    const outbox = mkdtempSync(join(tmpdir(), "genki-outbox-"));
    expect((await genki("remind", file, "--today", "2012-10-15", "--outbox", outbox)).status).toBe(
      0,
    );
    expect(readdirSync(outbox).sort()).toEqual([
      "2012-10-15_人事課_期限当日.eml",
      "2012-10-15_広報課_期限当日.eml",
    ]);
    const mail = await simpleParser(readFileSync(join(outbox, "2012-10-15_広報課_期限当日.eml")));
    // Date: is the send time on the day the run is for, the 本日 of the body.
    expect(tokyoDateOf(mail.date ?? new Date(0))).toBe("2012-10-15");
    expect(mail.text).toContain("本日が進捗報告の提出期限");
    expect(mail.subject).toBe(
      "【進捗報告のお願い】平成24年度 第2四半期（本日 10月15日 が提出期限です）",
    );
    expect(mail.text).toContain("広報課　広報課長 様");
    expect(mail.html).toContain("5-1");
    const { registry } = parseRegistry((await XlsxRegistryStore.open(file)).readAll());
    expect(registry.sendLog.map((e) => [e.key, e.result])).toEqual([
      ["2012-10-15|人事課|期限当日", "送信済"],
      ["2012-10-15|広報課|期限当日", "送信済"],
    ]);
    expect(existsSync(besideFile(file, "journal"))).toBe(false);

    const again = mkdtempSync(join(tmpdir(), "genki-outbox-"));
    const rerun = await genki("remind", file, "--today", "2012-10-15", "--outbox", again);
    expect(rerun.stdout).toContain("2012-10-15 に送るリマインダーはありません。");
    expect(readdirSync(again)).toEqual([]);
  });

  it("--smtp delivers to a real SMTP server on 127.0.0.1", async () => {
    const received: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    try {
      const file = await demoRegistry();
      const r = await genki(
        "remind",
        file,
        "--today",
        "2012-10-15",
        "--smtp",
        `smtp://127.0.0.1:${port}`,
      );
      expect(r.status, r.stderr).toBe(0);
      expect(received).toHaveLength(2);
      const parsed = await Promise.all(received.map((m) => simpleParser(m)));
      const to = parsed.map((m) => (Array.isArray(m.to) ? "" : (m.to?.text ?? ""))).sort();
      expect(to).toEqual(["jinji@city.fujieda.example", "koho@city.fujieda.example"]);
      expect(parsed[0]?.replyTo?.text).toBe("kikaku-seisaku@city.fujieda.example");
      expect(parsed[0]?.html).toContain("<table");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("reports a closed day and bad options clearly", async () => {
    const file = await demoRegistry();
    expect((await genki("remind", file, "--today", "2012-10-08", "--dry-run")).stdout).toContain(
      "閉庁日（体育の日）",
    );
    expect(await genki("remind", file, "--today", "2012/10/15", "--dry-run")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("2012-10-15 の形"),
    });
    expect(await genki("remind", file, "--today", "2012-10-15")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--outbox"),
    });
  });

  it("--dry-run on a missing file or one that is not a workbook says so and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genki-remind-bad-"));
    const missing = join(dir, "なし.xlsx");
    const notXlsx = join(dir, "メモ.xlsx");
    writeFileSync(notXlsx, "これは表計算ファイルではありません");
    for (const [file, words] of [
      [missing, "見つかりません"],
      [notXlsx, ".xlsx"],
    ] as const) {
      const r = await genki("remind", file, "--today", "2012-10-15", "--dry-run");
      expect(r.status, file).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/Error|at /);
    }
    expect(readFileSync(notXlsx, "utf8")).toBe("これは表計算ファイルではありません");
  });
});

describe("genki holidays", () => {
  it("lists the closed days of a fiscal year with their names, 閉庁日 included", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    store.appendRows("閉庁日", [[new Date("2025-08-12T15:00:00Z"), "夏季一斉休業"]]);
    const file = join(mkdtempSync(join(tmpdir(), "genki-holidays-")), "r.xlsx");
    await store.save(file);
    const r = await genki("holidays", "--fy", "R7", "--registry", file, "--json");
    const days = JSON.parse(r.stdout) as { date: string; name: string }[];
    expect(days).toContainEqual({ date: "2025-05-06", kind: "holiday", name: "振替休日" });
    expect(days).toContainEqual({ date: "2025-08-13", kind: "closure", name: "夏季一斉休業" });
    expect(days).toContainEqual({ date: "2025-12-29", kind: "yearEnd", name: "年末年始" });
    expect(days).toHaveLength(24);
    expect((await genki("holidays", "--fy", "令和7年度")).stdout).toContain(
      "令和7年度の閉庁日（23日）",
    );
  });
});

describe("genki remind: a digest past ダイジェスト最大件数", () => {
  it("lists 30 items, counts the rest and attaches every item as .xlsx", async () => {
    const store = XlsxRegistryStore.empty();
    setupRegistry({ store }, FUJIEDA_DEMO);
    const extra = Array.from({ length: 40 }, (_, i) => [
      `6-${i + 10}`,
      "柱-6",
      `追加の取組 ${i}`,
      "人事課",
    ]);
    store.appendRows("取組", extra);
    const file = join(mkdtempSync(join(tmpdir(), "genki-remind-")), "registry.xlsx");
    await store.save(file);
    const outbox = mkdtempSync(join(tmpdir(), "genki-outbox-"));
    const r = await genki("remind", file, "--today", "2012-10-15", "--outbox", outbox);
    expect(r.status).toBe(0);
    const name = readdirSync(outbox).find((f) => f.includes("人事課"));
    expect(name).toBeDefined();
    const mail = await simpleParser(readFileSync(join(outbox, name ?? "")));
    const listed = (mail.text?.match(/^■ /gm) ?? []).length;
    expect(listed).toBe(30);
    const rest = /ほかに (\d+) 件の取組があります。/.exec(mail.text ?? "");
    expect(rest).not.toBeNull();
    const attachment = mail.attachments.find((a) => a.filename?.endsWith(".xlsx"));
    expect(attachment?.filename).toMatch(/^人事課_未提出一覧_2012-10-15\.xlsx$/);
    expect(mail.text).toContain(`添付の「${attachment?.filename}」`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attachment?.content as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.actualRowCount ?? 0;
    // header + every item: the 30 listed and the rest counted
    expect(rows).toBe(1 + 30 + Number(rest?.[1]));
    expect(book.worksheets[0]?.getRow(1).getCell(1).value).toBe("取組ID");
  });
});
