/**
 * genki remind FILE.xlsx: today's reminder digests offline. --outbox writes .eml files, --smtp
 * sends; the send log goes back into the workbook so a rerun never sends a key twice.
 */
import { Command } from "commander";
import { type SendRemindersResult, sendReminders } from "../../app/send-reminders";
import { isPlainDate } from "../../domain/calendar";
import { digestProblemText } from "../../domain/reminders";
import { FileProperties, ProcessLock } from "../../office/local-services";
import { OutboxMailer, SmtpMailer } from "../../office/mailers";
import type { Mailer } from "../../ports";
import { openRegistry, saveRegistry, UnreadableFileError } from "../workbook";

export interface RemindOptions {
  today?: string;
  dryRun?: boolean;
  outbox?: string;
  smtp?: string;
  json?: boolean;
}

export function digestsJson(result: SendRemindersResult): unknown {
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
    problems: result.problems,
  };
}

export async function runRemind(file: string, opts: RemindOptions): Promise<SendRemindersResult> {
  if (opts.today !== undefined && !isPlainDate(opts.today)) {
    throw new UnreadableFileError(
      `--today「${opts.today}」は日付として読めません。2012-10-15 の形で指定してください。`,
    );
  }
  if (!opts.dryRun && !opts.outbox && !opts.smtp) {
    throw new UnreadableFileError(
      "送信先がありません。--outbox DIR（.eml を書き出す）か --smtp URL を指定するか、--dry-run で内容だけを確認してください。",
    );
  }
  const store = await openRegistry(file);
  const smtp = opts.smtp ? new SmtpMailer(opts.smtp) : undefined;
  const mailer: Mailer = smtp ?? new OutboxMailer(opts.outbox ?? ".");
  try {
    const result = await sendReminders(
      {
        store,
        mailer,
        clock: { now: () => new Date() },
        lock: new ProcessLock(),
        journal: new FileProperties(`${file}.journal.json`),
      },
      {
        ...(opts.today ? { today: opts.today } : {}),
        dryRun: opts.dryRun === true,
        deadlineMs: Number.POSITIVE_INFINITY,
      },
    );
    if (!opts.dryRun) await saveRegistry(store, file);
    return result;
  } finally {
    smtp?.close();
  }
}

export function remindSummary(result: SendRemindersResult, dryRun: boolean): string[] {
  if (result.closed)
    return [`${result.date} は閉庁日（${result.closed}）のため、リマインダーは送りません。`];
  const lines = result.mails.map(
    ({ digest, mail }) =>
      `${dryRun ? "予定" : result.sent.includes(digest.key) ? "送信" : "未送信"}\t${digest.kind}\t${digest.division}\t${mail.to.join(",")}\t${mail.subject}`,
  );
  for (const p of result.problems)
    lines.push(`注意\t${p.division || "（主担当課が空欄）"}\t${digestProblemText(p.reason, "ja")}`);
  for (const f of result.failed) lines.push(`失敗\t${f.key}\t${f.error}`);
  lines.push(
    result.mails.length === 0
      ? `${result.date} に送るリマインダーはありません。`
      : `${result.date}: ${dryRun ? `${result.mails.length} 通を送る予定です（未送信）` : `${result.sent.length} 通送信、保留 ${result.deferred.length} 通、失敗 ${result.failed.length} 通`}。`,
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
    .action(async (file: string, opts: RemindOptions) => {
      const result = await runRemind(file, opts);
      if (opts.json) console.log(JSON.stringify(digestsJson(result), null, 2));
      else for (const line of remindSummary(result, opts.dryRun === true)) console.log(line);
      if (result.failed.length > 0) process.exitCode = 1;
    });
}
