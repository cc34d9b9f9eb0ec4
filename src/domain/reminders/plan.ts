/**
 * The digests to send today: one per division that owes reports and has a reminder due today,
 * each under an idempotency key `${date}|${division}|${kind}`.
 *
 * Schedule (P = 事前通知, M = 督促間隔, K = エスカレーション, all in business days; an item's
 * due date is its period end + 提出期限 business days):
 * - 事前通知: from due − P up to the day before due, on the first run that finds the division
 *   not yet mailed since the window opened (so a missed run is caught up the next day);
 * - 期限当日: on the due date;
 * - 督促: overdue by d business days with d a multiple of M;
 * - エスカレーション: as 督促 once d ≥ K, and also on d = K itself; the 上位責任者 is copied.
 * A division whose items fire gets one digest listing everything it owes; its kind is the most
 * urgent stage among those items (エスカレーション > 督促 > 期限当日 > 事前通知).
 *
 * Never twice: a division that was sent any digest today (or whose key is logged as sent) gets
 * none. A division with a digest deferred for lack of quota and not sent since is owed one
 * today, under today's key, and comes first. Nothing at all on a closed day.
 */
import {
  type BusinessCalendar,
  type ClosedReason,
  createBusinessCalendar,
  type PlainDate,
} from "../calendar";
import type { Division, Registry } from "../registry";
import { compareText, moreUrgent, type ReminderKind } from "./kinds";
import { compareItems, type OwedItem, owedItems } from "./owed";
import { digestKey, type SendLogLike, summariseLog } from "./send-log";

export interface Digest {
  /** `${date}|${division}|${kind}` */
  readonly key: string;
  /** the day it is planned for */
  readonly date: PlainDate;
  readonly kind: ReminderKind;
  readonly division: string;
  /** 所属長 (may be empty) */
  readonly head: string;
  /** the division's メール */
  readonly to: string;
  /** the division's CC, plus 上位責任者メール for an escalation; without duplicates or `to` */
  readonly cc: readonly string[];
  /** the 上位責任者メール copied on an escalation; null when no copy goes to one */
  readonly escalationCopy: string | null;
  /** everything the division owes, by due date then 取組ID */
  readonly items: readonly OwedItem[];
  readonly earliestDue: PlainDate;
  /** a digest to this division was deferred (quota) on an earlier run and not sent since */
  readonly deferred: boolean;
}

/**
 * Why a division is not mailed (no-division: 主担当課 empty or not in 所属; no-email: its メール
 * is empty or invalid), or, for no-escalation-email, why an escalation goes without the
 * 上位責任者 on CC (that digest is still planned).
 */
export type DigestProblemReason = "no-division" | "no-email" | "no-escalation-email";

export interface DigestProblem {
  /** the 主担当課 as written ("" when empty) */
  readonly division: string;
  readonly reason: DigestProblemReason;
  /** the kind the digest would have had */
  readonly kind: ReminderKind;
  /** the 取組 concerned, once each, in item order */
  readonly measureIds: readonly string[];
}

export interface ReminderPlan {
  readonly date: PlainDate;
  /** previously deferred divisions first, then by division name */
  readonly digests: readonly Digest[];
  /** by division name */
  readonly problems: readonly DigestProblem[];
  /** divisions that would have had a digest but were already sent one today */
  readonly alreadySent: readonly { readonly division: string; readonly key: string }[];
  /** set when today is a closed day: nothing is planned */
  readonly closedReason?: ClosedReason;
}

/** Division by name (trimmed); the first row of a duplicated name wins. */
function divisionIndex(registry: Registry): Map<string, Division> {
  const out = new Map<string, Division>();
  for (const d of registry.divisions) {
    const name = d.name.trim();
    if (name !== "" && !out.has(name)) out.set(name, d);
  }
  return out;
}

function uniqueAddresses(list: readonly string[], exclude: string): string[] {
  const seen = new Set<string>([exclude.trim().toLowerCase()]);
  const out: string[] = [];
  for (const raw of list) {
    const a = raw.trim();
    const k = a.toLowerCase();
    if (a === "" || seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

/**
 * Plans today's digests. `sendLog` is 送信記録 (defaults to the registry's), including rows
 * written earlier in the same run; `cal` defaults to the registry's calendar with 閉庁日.
 */
export function planDigests(
  registry: Registry,
  today: PlainDate,
  sendLog: readonly SendLogLike[] = registry.sendLog,
  cal: BusinessCalendar = createBusinessCalendar(registry.closures),
): ReminderPlan {
  const closedReason = cal.closedReason(today);
  if (closedReason) {
    return { date: today, digests: [], problems: [], alreadySent: [], closedReason };
  }
  const { settings } = registry;
  const interval = Math.max(1, Math.trunc(settings.reminderInterval));
  const escalation = Math.max(1, Math.trunc(settings.escalationDays));
  const log = summariseLog(sendLog);
  const divisions = divisionIndex(registry);

  const byDivision = new Map<string, OwedItem[]>();
  for (const item of owedItems(registry, today, cal)) {
    const list = byDivision.get(item.division) ?? [];
    list.push(item);
    byDivision.set(item.division, list);
  }

  const digests: Digest[] = [];
  const problems: DigestProblem[] = [];
  const alreadySent: { division: string; key: string }[] = [];

  for (const [name, items] of byDivision) {
    const sentDays = log.sentDays.get(name) ?? [];
    const fires = (item: OwedItem): boolean => {
      switch (item.stage) {
        case "事前通知":
          return !sentDays.some((d) => d >= item.openFrom && d < today);
        case "期限当日":
          return true;
        default: {
          const overdue = -item.businessDaysLeft;
          return overdue % interval === 0 || overdue === escalation;
        }
      }
    };
    const deferred = log.deferredSince.has(name);
    if (!deferred && !items.some(fires)) continue;

    const sorted = [...items].sort(compareItems);
    const kind = sorted.reduce<ReminderKind>((k, i) => moreUrgent(k, i.stage), "事前通知");
    const key = digestKey(today, name, kind);
    if (log.sentKeys.has(key) || sentDays.includes(today)) {
      alreadySent.push({ division: name, key });
      continue;
    }
    const measureIds = [...new Set(sorted.map((i) => i.measureId))];
    const division = name === "" ? undefined : divisions.get(name);
    if (!division) {
      problems.push({ division: name, reason: "no-division", kind, measureIds });
      continue;
    }
    const to = division.email.trim();
    if (to === "") {
      problems.push({ division: name, reason: "no-email", kind, measureIds });
      continue;
    }
    const escalate = kind === "エスカレーション";
    if (escalate && division.escalationEmail.trim() === "") {
      problems.push({ division: name, reason: "no-escalation-email", kind, measureIds });
    }
    const first = sorted[0];
    if (!first) continue;
    digests.push({
      key,
      date: today,
      kind,
      division: name,
      head: division.head.trim(),
      to,
      cc: uniqueAddresses([...division.cc, ...(escalate ? [division.escalationEmail] : [])], to),
      escalationCopy:
        escalate && division.escalationEmail.trim() !== "" ? division.escalationEmail.trim() : null,
      items: sorted,
      earliestDue: first.dueDate,
      deferred,
    });
  }

  digests.sort(
    (a, b) => Number(b.deferred) - Number(a.deferred) || compareText(a.division, b.division),
  );
  problems.sort((a, b) => compareText(a.division, b.division));
  alreadySent.sort((a, b) => compareText(a.division, b.division));
  return { date: today, digests, problems, alreadySent };
}
