/**
 * Fault injection. Method names are the ledger's "Class.method" (e.g. "Range.setValues",
 * "MailApp.sendEmail", "Slides.Presentations.batchUpdate").
 */
import { GasError, toError } from "./errors";

/** A transient error GAS really throws for service hiccups. */
const DEFAULT_FAULT = "We're sorry, a server error occurred. Please wait a bit and try again.";

interface PendingFault {
  method: string;
  /** calls left before the failing one */
  remaining: number;
  error: Error;
}

export type LockKind = "script" | "document" | "user";

export interface FaultHooks {
  setMailQuota(n: number): void;
  /** the user the current execution runs as (user locks are per user) */
  currentUser?(): string;
}

/** LockService: the script lock is one per script, the document lock one per container
 * document, the user lock one per user and script.
 * https://developers.google.com/apps-script/reference/lock/lock-service */
export function lockKey(kind: LockKind, user: string): string {
  return kind === "user" ? `user:${user}` : kind;
}

export class Faults {
  private pending: PendingFault[] = [];
  /**
   * locks held by "another execution": key "script", "document" or "user:<e-mail>" (a user lock
   * only excludes the same user), value the clock time it is released (Infinity: never)
   */
  readonly heldLocks = new Map<string, number>();

  constructor(private readonly hooks: FaultHooks) {}

  /**
   * The nth call of `method` counted from now throws `error` (default: GAS's transient
   * "server error" Exception); once, then the fault is gone.
   */
  throwOn(method: string, nth = 1, error?: Error | string): void {
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError("nth must be a positive integer");
    this.pending.push({
      method,
      remaining: nth - 1,
      error: error === undefined ? new GasError(DEFAULT_FAULT) : toError(error),
    });
  }

  /** remaining MailApp quota from now on (0: the next send throws) */
  mailQuota(n: number): void {
    this.hooks.setMailQuota(n);
  }

  /**
   * Another execution holds the lock until `untilMs` on the fake clock (default: until
   * releaseLock). A waiter whose timeout reaches that time gets the lock then; others wait their
   * whole timeout and fail. `user` names whose user lock it is (default: the active user).
   */
  holdLock(kind: LockKind = "script", untilMs = Number.POSITIVE_INFINITY, user?: string): void {
    this.heldLocks.set(lockKey(kind, user ?? this.hooks.currentUser?.() ?? ""), untilMs);
  }

  releaseLock(kind: LockKind = "script", user?: string): void {
    this.heldLocks.delete(lockKey(kind, user ?? this.hooks.currentUser?.() ?? ""));
  }

  clear(): void {
    this.pending = [];
    this.heldLocks.clear();
  }

  /** called by the runtime before every ledgered call; throws when a fault is due */
  check(method: string): void {
    const index = this.pending.findIndex((f) => f.method === method);
    if (index < 0) return;
    for (const f of this.pending) {
      if (f.method === method) f.remaining -= 1;
    }
    const due = this.pending.findIndex((f) => f.method === method && f.remaining < 0);
    if (due < 0) return;
    const [fault] = this.pending.splice(due, 1);
    if (fault) throw fault.error;
  }
}
