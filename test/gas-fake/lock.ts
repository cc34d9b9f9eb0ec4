/**
 * LockService. The fake is one execution ("self"); faults.holdLock() makes "another execution"
 * hold a lock: tryLock(ms) then waits ms and returns false, waitLock(ms) waits ms and throws
 * GAS's "Lock timeout: another process was holding the lock for too long.".
 * fake.endExecution() releases what this execution still holds, as GAS does at the end of a run.
 */
import { GasError } from "./errors";
import type { LockKind } from "./faults";
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
    if (this.rt.faults.heldLocks.has(this.kind)) {
      this.rt.wait(Math.max(0, timeoutInMillis));
      return false;
    }
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
