/**
 * LockService (https://developers.google.com/apps-script/reference/lock/lock). The fake is one
 * execution ("self"); faults.holdLock(kind, untilMs) makes "another execution" hold a lock until
 * a clock time: tryLock(ms) waits until the holder lets go when that comes within ms (then
 * succeeds), else waits ms and returns false; waitLock(ms) then throws GAS's
 * "Lock timeout: another process was holding the lock for too long.". Script, document and user
 * locks are separate; a user lock only excludes executions of the same user.
 * fake.endExecution() releases what this execution still holds, as GAS does at the end of a run.
 */
import { GasError } from "./errors";
import { type LockKind, lockKey } from "./faults";
import type { Runtime } from "./runtime";

type GasLock = GoogleAppsScript.Lock.Lock;

export type LockMethods = "tryLock" | "waitLock" | "releaseLock" | "hasLock";

export class FakeLock implements Pick<GasLock, LockMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly service: FakeLockService,
    readonly kind: LockKind,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("LockService", `Lock.${method}`, body, { detail: this.kind });
  }

  private acquire(timeoutInMillis: number): boolean {
    const key = lockKey(this.kind, this.rt.execution.user);
    const until = this.rt.faults.heldLocks.get(key);
    const now = this.rt.clock.nowMs();
    if (until !== undefined && until > now) {
      const timeout = Math.max(0, timeoutInMillis);
      if (until - now > timeout) {
        this.rt.wait(timeout);
        return false;
      }
      this.rt.wait(until - now);
    }
    this.rt.faults.heldLocks.delete(key);
    this.service.held.add(this.kind);
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.call("tryLock", () => this.acquire(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    this.call("waitLock", () => {
      if (!this.acquire(timeoutInMillis)) {
        throw new GasError("Lock timeout: another process was holding the lock for too long.");
      }
    });
  }

  releaseLock(): void {
    this.call("releaseLock", () => {
      this.service.held.delete(this.kind);
    });
  }

  hasLock(): boolean {
    return this.call("hasLock", () => this.service.held.has(this.kind));
  }
}

export type LockServiceMethods = "getScriptLock" | "getDocumentLock" | "getUserLock";

export class FakeLockService
  implements Pick<GoogleAppsScript.Lock.LockService, LockServiceMethods>
{
  /** locks held by this execution */
  readonly held = new Set<LockKind>();

  constructor(private readonly rt: Runtime) {}

  private get(method: string, kind: LockKind): GasLock {
    // one cast: FakeLock implements only LockMethods
    return this.rt.call(
      "LockService",
      `LockService.${method}`,
      () => new FakeLock(this.rt, this, kind) as unknown as GasLock,
    );
  }

  getScriptLock(): GasLock {
    return this.get("getScriptLock", "script");
  }

  getDocumentLock(): GasLock {
    return this.get("getDocumentLock", "document");
  }

  getUserLock(): GasLock {
    return this.get("getUserLock", "user");
  }
}
