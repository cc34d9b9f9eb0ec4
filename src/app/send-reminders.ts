/**
 * リマインダー送信: today's digests per division, sent at most once per key.
 *
 * Never twice: each sent key is written to a journal (script properties) the moment the mail is
 * out, and 送信記録 gets the rows in batches of at most 50. A run that crashed between the two is
 * repaired first thing by the next run, which copies the journal into 送信記録 before planning.
 * Quota is checked before sending; what does not fit is logged 保留 and goes first next time.
 */
import { instantToTokyoParts, periodOf, tokyoDateOf, tokyoInstant } from "../domain/calendar";
import type { Problem } from "../domain/problem";
import { parseRegistry, type RawSheet, type Registry } from "../domain/registry";
import {
  addressesToRetry,
  type Digest,
  type DigestProblem,
  digestTable,
  digestTableName,
  parseDigestKey,
  planDigests,
  renderDigest,
  SEND_RESULTS,
  type SendLogRow,
  sendBlockers,
  sendLogRow,
} from "../domain/reminders";
import { sheetDef, WRITE_ONLY_SHEETS } from "../domain/schema";
import { answerFileNote, surveyFilesFor } from "../domain/survey";
import type {
  Clock,
  Lock,
  Mailer,
  OutgoingMail,
  Progress,
  Properties,
  RegistryStore,
  SendJournal,
  SendReceipt,
} from "../ports";

export const JOURNAL_KEY = "genki.reminders.journal";
/** rows per 送信記録 write */
export const LOG_BATCH = 50;
/** stop starting new sends after this long, leaving room before GAS's 6-minute limit */
export const DEFAULT_DEADLINE_MS = 4.5 * 60 * 1000;

export interface SendRemindersDeps {
  readonly store: RegistryStore;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly journal: Properties;
  readonly progress?: Progress;
  /** offline: a journal on disk that records each intent before the send and its outcome after */
  readonly sendJournal?: SendJournal;
}

export interface SendRemindersOptions {
  /** YYYY-MM-DD; default: today in Tokyo */
  readonly today?: string;
  /** plan and render only: nothing is sent or written */
  readonly dryRun?: boolean;
  /** link to the registry shown in each mail (the spreadsheet URL in GAS) */
  readonly registryUrl?: string;
  /** when the execution began (a menu run's confirm dialog counts toward GAS's 6 minutes) */
  readonly startedAt?: Date;
  /** link to the full list for digests past ダイジェスト最大件数 (GAS: the 進捗 tab); without
   * it, such a digest carries its full list as an attached .xlsx */
  readonly listUrl?: string;
  readonly deadlineMs?: number;
}

export interface PlannedMail {
  readonly digest: Digest;
  readonly mail: OutgoingMail;
}

export interface SendRemindersResult {
  readonly date: string;
  readonly closed?: string;
  readonly mails: readonly PlannedMail[];
  readonly sent: readonly string[];
  readonly deferred: readonly string[];
  readonly failed: readonly { readonly key: string; readonly error: string }[];
  /** delivered, but the server refused these recipients (retried alone on the next run) */
  readonly partial: readonly { readonly key: string; readonly rejected: readonly string[] }[];
  readonly problems: readonly DigestProblem[];
  /** registry problems that forbid sending (nothing was sent): fix them, then run again */
  readonly blocked: readonly Problem[];
  /** the run stopped at the deadline; a follow-up run sends the rest */
  readonly unfinished: boolean;
  /** the lock was held by another run: nothing was done */
  readonly busy: boolean;
}

/** What the journal keeps of a sent digest: enough to write its 送信記録 row, nothing more. */
type JournalEntry = [at: string, key: string, to: string, count: number];

/** GAS limits one property value to 9 KB; the journal is flushed well before that. */
export const JOURNAL_MAX_BYTES = 7_000;

function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function readJournal(journal: Properties): SendLogRow[] {
  const text = journal.get(JOURNAL_KEY);
  if (!text) return [];
  try {
    const entries = JSON.parse(text) as JournalEntry[];
    return entries.flatMap(([at, key, to, count]) => {
      const parsed = parseDigestKey(key);
      if (!parsed) return [];
      const row: SendLogRow = [
        new Date(at),
        key,
        parsed.kind as SendLogRow[2],
        parsed.division,
        to,
        count,
        SEND_RESULTS.sent,
      ];
      return [row];
    });
  } catch {
    return [];
  }
}

/** Writes the journal; returns its size so the caller can flush before the property limit. */
function writeJournal(journal: Properties, rows: readonly SendLogRow[]): number {
  if (rows.length === 0) {
    journal.delete(JOURNAL_KEY);
    return 0;
  }
  const text = JSON.stringify(
    rows.map((r): JournalEntry => [r[0].toISOString(), r[1], r[4], r[5]]),
  );
  journal.set(JOURNAL_KEY, text);
  return utf8Bytes(text);
}

/**
 * The send time a mail is dated with: now, moved to the digest's day when the run is for another
 * day (genki remind --today), so the Date header and the body's 本日 name the same day.
 */
export function sendTimeOf(digest: Digest, now: Date): Date {
  const t = instantToTokyoParts(now);
  return t.date === digest.date ? now : tokyoInstant(digest.date, t.hour, t.minute);
}

/** The division's answer files (照会ファイル) for the periods a digest covers, from 出力. */
function answerFilesOf(digest: Digest, registry: Registry, outputs?: RawSheet) {
  if (!outputs) return undefined;
  const periods = new Map(digest.items.map((i) => [`${i.fy}|${i.periodIndex}`, i]));
  const refs = [...periods.values()].flatMap((i) => {
    const period = periodOf(i.fy, registry.settings.cycle, i.periodIndex);
    return period ? surveyFilesFor(registry, outputs, period, [digest.division]) : [];
  });
  return answerFileNote(refs, registry.settings.lang);
}

export interface MailContext {
  /** link to the registry shown in the mail */
  readonly registryUrl?: string | undefined;
  /** link to the whole list when the digest is capped (GAS); offline the list is attached */
  readonly listUrl?: string | undefined;
  /** 出力, for the division's answer files */
  readonly outputs?: RawSheet | undefined;
  /** the run's start, to date the mail on the digest's day */
  readonly now?: Date | undefined;
}

export function mailOf(
  digest: Digest,
  registry: Registry,
  { registryUrl, listUrl, outputs, now }: MailContext = {},
): OutgoingMail {
  const note = answerFilesOf(digest, registry, outputs);
  const lang = registry.settings.lang;
  const attachmentName = listUrl ? undefined : digestTableName(digest, lang);
  const rendered = renderDigest(digest, registry, {
    lang,
    ...(registryUrl ? { registryUrl } : {}),
    ...(note ? { answerFile: note } : {}),
    ...(listUrl ? { listUrl } : {}),
    ...(attachmentName ? { attachmentName } : {}),
  });
  const attachment =
    rendered.omitted > 0 && attachmentName
      ? { filename: attachmentName, rows: digestTable(digest, lang) }
      : undefined;
  return {
    ...(attachment ? { attachment } : {}),
    key: digest.key,
    to: digest.to === "" ? [] : [digest.to],
    cc: digest.cc,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    senderName: rendered.senderName,
    replyTo: rendered.replyTo,
    ...(note && note.attachments.length > 0 ? { attachments: note.attachments } : {}),
    ...(now ? { sentAt: sendTimeOf(digest, now) } : {}),
  };
}

/** A digest that went out in part goes again to the refused addresses only. */
function retryOnly(digest: Digest, addresses: readonly string[] | undefined): Digest {
  if (addresses === undefined) return digest;
  const owed = new Set(addresses.map((a) => a.toLowerCase()));
  const to = owed.has(digest.to.toLowerCase()) ? digest.to : "";
  const cc = digest.cc.filter((a) => owed.has(a.toLowerCase()));
  return { ...digest, to, cc };
}

export async function sendReminders(
  deps: SendRemindersDeps,
  options: SendRemindersOptions = {},
): Promise<SendRemindersResult> {
  const started = deps.clock.now();
  const today = options.today ?? tokyoDateOf(started);
  const empty = {
    date: today,
    mails: [],
    sent: [],
    deferred: [],
    failed: [],
    partial: [],
    problems: [],
    blocked: [],
    unfinished: false,
    busy: false,
  };

  const run = async (): Promise<SendRemindersResult> => {
    deps.progress?.report("登録簿を読み込んでいます…");
    const sheets = deps.store.readAll(WRITE_ONLY_SHEETS);
    const { registry, problems } = parseRegistry(sheets);
    const logName = registry.sheetNames.sendLog ?? sheetDef("sendLog").ja;
    const blocked = sendBlockers(problems, sheets);
    if (registry.sheetNames.sendLog === undefined && !options.dryRun) {
      // Nowhere to record what is sent: sending now would send again tomorrow.
      blocked.push({
        sheet: "sendLog",
        sheetName: logName,
        row: null,
        col: null,
        code: "sheet-missing",
        severity: "error",
        params: { sheet: logName },
      });
    }
    if (blocked.length > 0) return { ...empty, blocked };

    // Repair a crashed run: what the journal holds but 送信記録 does not, is logged now.
    const journal = options.dryRun ? [] : readJournal(deps.journal);
    const logged = new Set(registry.sendLog.map((e) => e.key));
    const missing = journal.filter((row) => !logged.has(row[1]));
    if (missing.length > 0) deps.store.appendRows(logName, missing);
    if (journal.length > 0) writeJournal(deps.journal, []);

    const log = [
      ...registry.sendLog,
      ...missing.map((r) => ({ key: r[1], result: r[6], division: r[3] })),
    ];
    const plan = planDigests(registry, today, log);
    // 出力 is read only when there is mail to write: it lists the answer files to link or attach.
    const outputs = plan.digests.length > 0 ? deps.store.read(sheetDef("outputs").ja) : undefined;
    const mails = plan.digests.map((planned) => {
      const digest = retryOnly(planned, addressesToRetry(log, planned.key));
      return {
        digest,
        mail: mailOf(digest, registry, {
          registryUrl: options.registryUrl,
          listUrl: options.listUrl,
          outputs,
          now: started,
        }),
      };
    });
    const base = {
      ...empty,
      mails,
      problems: plan.problems,
      ...(plan.closedReason ? { closed: plan.closedReason.name } : {}),
    };
    if (options.dryRun || mails.length === 0) return base;

    const sent: string[] = [];
    const deferred: string[] = [];
    const failed: { key: string; error: string }[] = [];
    const partial: { key: string; rejected: readonly string[] }[] = [];
    let pending: SendLogRow[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      deps.store.appendRows(logName, pending);
      pending = [];
      writeJournal(deps.journal, []);
    };
    let quota = deps.mailer.remainingQuota();
    let unfinished = false;
    const deadline =
      (options.startedAt ?? started).getTime() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    for (const { digest, mail } of mails) {
      if (deps.clock.now().getTime() > deadline) {
        unfinished = true;
        break;
      }
      const recipients = mail.to.length + mail.cc.length;
      if (recipients === 0) {
        // A retry whose refused addresses are no longer in 所属: nobody is left to send to.
        sent.push(digest.key);
        pending.push(sendLogRow(digest, deps.clock.now(), SEND_RESULTS.sent, "再送先なし"));
        continue;
      }
      if (recipients > quota) {
        deferred.push(digest.key);
        pending.push(
          sendLogRow(digest, deps.clock.now(), SEND_RESULTS.deferred, `残りの送信枠 ${quota}`),
        );
        continue;
      }
      deps.progress?.report(`${digest.division}へ送信しています…`);
      await deps.sendJournal?.intend(sendLogRow(digest, deps.clock.now(), SEND_RESULTS.sent));
      let receipt: SendReceipt | undefined;
      try {
        receipt = (await deps.mailer.send(mail)) ?? undefined;
      } catch (e) {
        failed.push({ key: digest.key, error: e instanceof Error ? e.message : String(e) });
        const row = sendLogRow(digest, deps.clock.now(), SEND_RESULTS.failed, failed.at(-1)?.error);
        pending.push(row);
        await deps.sendJournal?.settle(row);
        continue;
      }
      quota -= recipients;
      const rejected = receipt?.rejected ?? [];
      const row =
        rejected.length > 0
          ? sendLogRow(digest, deps.clock.now(), SEND_RESULTS.partial, rejected.join(", "))
          : sendLogRow(digest, deps.clock.now(), SEND_RESULTS.sent);
      await deps.sendJournal?.settle(row);
      if (rejected.length > 0) {
        partial.push({ key: digest.key, rejected });
        pending.push(row);
        continue;
      }
      sent.push(digest.key);
      pending.push(row);
      // The journal is written before anything else can fail, so this key can never go twice.
      let size: number;
      try {
        size = writeJournal(
          deps.journal,
          pending.filter((r) => r[6] === SEND_RESULTS.sent),
        );
      } catch {
        // The journal refused (quota, size): log to 送信記録 at once instead, so nothing goes twice.
        size = Number.POSITIVE_INFINITY;
      }
      if (pending.length >= LOG_BATCH || size >= JOURNAL_MAX_BYTES) flush();
    }
    flush();
    return { ...base, sent, deferred, failed, partial, unfinished };
  };

  const result = options.dryRun ? await run() : await deps.lock.withLockAsync(run);
  return result ?? { ...empty, busy: true };
}
