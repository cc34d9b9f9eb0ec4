/** The kinds of reminder digest, from the least to the most urgent, and how they are written. */

/**
 * 事前通知: the due date is near; 期限当日: today is the due date; 督促: overdue;
 * エスカレーション: overdue by 期限後 K business days or more (the 上位責任者 is copied).
 */
export type ReminderKind = "事前通知" | "期限当日" | "督促" | "エスカレーション";

/** Least urgent first. */
export const REMINDER_KINDS: readonly ReminderKind[] = [
  "事前通知",
  "期限当日",
  "督促",
  "エスカレーション",
];

export const REMINDER_KIND_EN: Readonly<Record<ReminderKind, string>> = {
  事前通知: "Advance notice",
  期限当日: "Due today",
  督促: "Reminder",
  エスカレーション: "Escalation",
};

export function urgencyOf(kind: ReminderKind): number {
  return REMINDER_KINDS.indexOf(kind);
}

/** The more urgent of two kinds. */
export function moreUrgent(a: ReminderKind, b: ReminderKind): ReminderKind {
  return urgencyOf(b) > urgencyOf(a) ? b : a;
}

/**
 * Where an owed item stands on a day, from its business days left (negative when overdue):
 * before the due date 事前通知, on it 期限当日, then 督促, and エスカレーション from
 * `escalationDays` business days overdue.
 */
export function stageOf(businessDaysLeft: number, escalationDays: number): ReminderKind {
  if (businessDaysLeft > 0) return "事前通知";
  if (businessDaysLeft === 0) return "期限当日";
  return -businessDaysLeft >= Math.max(1, escalationDays) ? "エスカレーション" : "督促";
}

/**
 * Compares identifiers such as 取組ID so that numbers sort as numbers: 1-2 < 1-10 < 2-1.
 * Plain code-unit order otherwise (no locale: GAS and Node must agree).
 */
export function compareIds(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] ?? "";
    const y = tb[i] ?? "";
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
      return x.length - y.length; // 01 after 1
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/** Plain code-unit order, the same on every host. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
