/** Small adapters over GAS services: progress toasts, the script lock, script properties. */
import type { Lock, Progress, Properties } from "../ports";

/** Sheets shows "Running script" by itself at first: a toast earns its round trip only after this. */
const QUIET_START_MS = 3_000;

export class ToastProgress implements Progress {
  private readonly started = Date.now();
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly quietMs = QUIET_START_MS,
  ) {}
  report(message: string): void {
    if (Date.now() - this.started < this.quietMs) return;
    this.ss.toast(message, "計画管理", 5);
  }
}

/** The script lock guards app-owned sheets: two runs never interleave their writes. */
export class ScriptLock implements Lock {
  constructor(private readonly waitMs = 30_000) {}
  withLock<T>(fn: () => T): T | undefined {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(this.waitMs)) return undefined;
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  }

  async withLockAsync<T>(fn: () => Promise<T>): Promise<T | undefined> {
    const lock = LockService.getScriptLock();
    if (!lock.tryLock(this.waitMs)) return undefined;
    try {
      return await fn();
    } finally {
      lock.releaseLock();
    }
  }
}

export class ScriptProperties implements Properties {
  private readonly props = PropertiesService.getScriptProperties();
  get(key: string): string | null {
    return this.props.getProperty(key);
  }
  set(key: string, value: string): void {
    this.props.setProperty(key, value);
  }
  delete(key: string): void {
    this.props.deleteProperty(key);
  }
}

/** For work already running inside runMenuTask's lock, and offline (one process, one file). */
export class NoLock implements Lock {
  withLock<T>(fn: () => T): T {
    return fn();
  }
  withLockAsync<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}
