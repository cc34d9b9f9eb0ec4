/**
 * genki remind FILE.xlsx: today's reminder digests offline. --outbox writes .eml files, --smtp
 * sends; the send log goes back into the workbook so a rerun never sends a key twice.
 *
 * Durability: the whole run holds the registry's lock. It first writes into 送信記録 whatever an
 * interrupted run left in the send journal (and saves), checks that the registry can be saved
 * and has no problem that changes who is owed, then sends, journaling each send on disk, and
 * saves atomically; the journal goes only once the saved registry has been read back.
 */
import { Command } from "commander";
import { type SendRemindersResult, sendReminders } from "../../app/send-reminders";
import { isPlainDate } from "../../domain/calendar";
import { offlineText } from "../../domain/i18n";
import { renderProblem } from "../../domain/problem";
import { parseRegistry } from "../../domain/registry";
import { digestProblemText, type SendLogRow } from "../../domain/reminders";
import { type Lang, sheetDef } from "../../domain/schema";
import { assertWritable } from "../../office/atomic-save";
import { ProcessLock } from "../../office/local-services";
import { isSmtpUrl, OutboxMailer, SmtpMailer } from "../../office/mailers";
import { OfflineError } from "../../office/offline-error";
import { FileSendJournal, rowsMissingFromLog } from "../../office/send-journal";
import type { XlsxRegistryStore } from "../../office/xlsx-store";
import type { Mailer, Properties } from "../../ports";
import { readRegistry, UnreadableFileError, updateRegistry } from "../workbook";
import { formatProblemLine } from "./validate";

export interface RemindOptions {
  today?: string;
  dryRun?: boolean;
  outbox?: string;
  smtp?: string;
  json?: boolean;
  lang?: string;
}

export interface RemindOutcome extends SendRemindersResult {
  /** what the run has to tell besides the digests (journal repaired, sends of unknown fate) */
  readonly notices: readonly string[];
  /** the registry could not be saved after sending: the journal is kept for the next run */
  readonly saveError?: OfflineError;
}

export function digestsJson(result: RemindOutcome, lang: Lang = "ja"): unknown {
  return {
    date: result.date,
    closed: result.closed ?? null,
    digests: result.mails.map(({ digest }) => ({
      division: digest.division,
      to: digest.to,
      cc: digest.cc,
      kind: digest.kind,
      key: digest.key,
      items: digest.items.map((i) => ({
        measureId: i.measureId,
        content: i.content,
        fy: i.fy,
        period: i.periodLabel.ja,
        dueDate: i.dueDate,
        businessDaysLeft: i.businessDaysLeft,
        status: i.status,
      })),
    })),
    sent: result.sent,
    deferred: result.deferred,
    failed: result.failed,
    partial: result.partial,
    problems: result.problems,
    blocked: result.blocked.map((p) => renderProblem(p, lang)),
    notices: result.notices,
  };
}

/** The language asked for (--lang), refusing anything but ja and en. */
export function langOption(value: string | undefined): Lang {
  if (value === undefined || value === "ja" || value === "en") return value ?? "ja";
  throw new OfflineError("option-lang", { value });
}

function checkOptions(opts: RemindOptions): void {
  if (opts.today !== undefined && !isPlainDate(opts.today)) {
    throw new UnreadableFileError(
      `--today「${opts.today}」は日付として読めません。2012-10-15 の形で指定してください。`,
    );
  }
  if (opts.smtp !== undefined && !isSmtpUrl(opts.smtp))
    throw new OfflineError("option-smtp-url", { url: opts.smtp });
  if (opts.smtp !== undefined && opts.outbox !== undefined)
    throw new OfflineError("option-outbox-with-smtp");
  if (!opts.dryRun && !opts.outbox && !opts.smtp) {
    throw new UnreadableFileError(
      "送信先がありません。--outbox DIR（.eml を書き出す）か --smtp URL を指定するか、--dry-run で内容だけを確認してください。",
    );
  }
}

/** GAS keeps its journal in script properties; offline the file journal does that job. */
class NoProperties implements Properties {
  get(): string | null {
    return null;
  }
  set(): void {}
  delete(): void {}
}

function sendLogName(store: XlsxRegistryStore): string {
  return parseRegistry(store.readAll()).registry.sheetNames.sendLog ?? sheetDef("sendLog").ja;
}

/** A check for the saved copy: every journal row is in its 送信記録. */
function holdsRows(rows: readonly SendLogRow[]): (saved: XlsxRegistryStore) => void {
  return (saved) => {
    const log = parseRegistry(saved.readAll()).registry.sendLog;
    if (rowsMissingFromLog(rows, log).length > 0) throw new Error("送信記録 not saved");
  };
}

/** Writes what an interrupted run left in the journal into 送信記録, saves, then drops it. */
async function reconcile(
  store: XlsxRegistryStore,
  journal: FileSendJournal,
  save: (
    s: XlsxRegistryStore,
    o: { verify: (saved: XlsxRegistryStore) => void },
  ) => Promise<unknown>,
  lang: Lang,
): Promise<string[]> {
  if (!journal.exists()) return [];
  const state = journal.read();
  const log = parseRegistry(store.readAll()).registry.sendLog;
  const missing = rowsMissingFromLog(state.rows, log);
  if (missing.length > 0) store.appendRows(sendLogName(store), missing);
  await save(store, { verify: holdsRows(state.rows) });
  journal.clear();
  const notices: string[] = [];
  if (missing.length > 0)
    notices.push(offlineText("journal-reconciled", { count: missing.length }, lang));
  for (const key of state.uncertain) notices.push(offlineText("journal-uncertain", { key }, lang));
  return notices;
}

export async function runRemind(file: string, opts: RemindOptions): Promise<RemindOutcome> {
  checkOptions(opts);
  const lang = langOption(opts.lang);
  const options = {
    ...(opts.today ? { today: opts.today } : {}),
    dryRun: opts.dryRun === true,
    deadlineMs: Number.POSITIVE_INFINITY,
  };
  const clock = { now: () => new Date() };
  if (opts.dryRun) {
    // a dry run writes nothing: the values are all it needs
    const store = await readRegistry(file);
    const result = await sendReminders(
      {
        store,
        mailer: new OutboxMailerless(),
        clock,
        lock: new ProcessLock(),
        journal: new NoProperties(),
      },
      options,
    );
    return { ...result, notices: [] };
  }
  return updateRegistry(file, async (store, { save }) => {
    const journal = new FileSendJournal(file);
    const notices = await reconcile(store, journal, save, lang);
    // Sending what cannot be recorded would send it again next time.
    assertWritable(file);
    const smtp = opts.smtp ? new SmtpMailer(opts.smtp, lang) : undefined;
    const mailer: Mailer = smtp ?? new OutboxMailer(opts.outbox ?? ".", lang);
    let result: SendRemindersResult;
    try {
      result = await sendReminders(
        {
          store,
          mailer,
          clock,
          lock: new ProcessLock(),
          journal: new NoProperties(),
          sendJournal: journal,
        },
        options,
      );
    } finally {
      smtp?.close();
    }
    if (!journal.exists()) return { save: false, result: { ...result, notices } };
    try {
      await save(store, { verify: holdsRows(journal.settled) });
    } catch (e) {
      if (!(e instanceof OfflineError)) throw e;
      notices.push(offlineText("journal-kept", { journal: journal.path }, lang));
      return { save: false, result: { ...result, notices, saveError: e } };
    }
    journal.clear();
    return { save: false, result: { ...result, notices } };
  });
}

/** Dry runs send nothing: a mailer that refuses to be used. */
class OutboxMailerless implements Mailer {
  remainingQuota(): number {
    return Number.POSITIVE_INFINITY;
  }
  send(): void {
    throw new Error("dry run");
  }
}

export function remindSummary(result: RemindOutcome, dryRun: boolean, lang: Lang = "ja"): string[] {
  if (result.blocked.length > 0) {
    return [
      ...result.blocked.map((p) => formatProblemLine(renderProblem(p, lang), lang)),
      offlineText("remind-blocked", {}, lang),
    ];
  }
  if (result.closed)
    return [`${result.date} は閉庁日（${result.closed}）のため、リマインダーは送りません。`];
  const partial = new Set(result.partial.map((p) => p.key));
  const lines = [...result.notices];
  lines.push(
    ...result.mails.map(
      ({ digest, mail }) =>
        `${dryRun ? "予定" : result.sent.includes(digest.key) ? "送信" : partial.has(digest.key) ? "一部送信" : "未送信"}\t${digest.kind}\t${digest.division}\t${[...mail.to, ...mail.cc].join(",")}\t${mail.subject}`,
    ),
  );
  for (const p of result.problems)
    lines.push(`注意\t${p.division || "（主担当課が空欄）"}\t${digestProblemText(p.reason, "ja")}`);
  for (const f of result.failed) lines.push(`失敗\t${f.key}\t${f.error}`);
  for (const p of result.partial)
    lines.push(
      offlineText("remind-partial", { key: p.key, addresses: p.rejected.join(", ") }, lang),
    );
  lines.push(
    result.mails.length === 0
      ? `${result.date} に送るリマインダーはありません。`
      : `${result.date}: ${dryRun ? `${result.mails.length} 通を送る予定です（未送信）` : `${result.sent.length} 通送信、一部失敗 ${result.partial.length} 通、保留 ${result.deferred.length} 通、失敗 ${result.failed.length} 通`}。`,
  );
  return lines;
}

export function remindCommand(): Command {
  return new Command("remind")
    .description(
      "提出期限が近い・過ぎた所属へのリマインダーを作成し、送信します（同じ日に同じものは二度送りません）。",
    )
    .argument("<file>", "登録簿の .xlsx（送信記録を書き戻します）")
    .option("--today <date>", "基準日（YYYY-MM-DD）。省略時は今日")
    .option("--dry-run", "送信せず、送る内容だけを表示します")
    .option("--outbox <dir>", "1通ごとに .eml を書き出すフォルダ")
    .option("--smtp <url>", "SMTP サーバー（smtp://user:pass@host:port）")
    .option("--json", "ダイジェストを JSON で出力します")
    .option("--lang <lang>", "メッセージの言語（ja / en）", "ja")
    .action(async (file: string, opts: RemindOptions) => {
      const result = await runRemind(file, opts);
      const lang = langOption(opts.lang);
      if (opts.json) console.log(JSON.stringify(digestsJson(result, lang), null, 2));
      else for (const line of remindSummary(result, opts.dryRun === true, lang)) console.log(line);
      if (result.failed.length > 0 || result.partial.length > 0) process.exitCode = 1;
      if (result.blocked.length > 0) process.exitCode = 2;
      if (result.saveError) throw result.saveError;
    });
}
