/** Offline stand-ins for GAS's Properties and Lock: a journal file next to the workbook. */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Lock, Properties } from "../ports";

/** Key/value pairs kept in a small JSON file (the reminder journal survives a crash). */
export class FileProperties implements Properties {
  constructor(private readonly file: string) {}

  private load(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as Record<string, string>;
    } catch {
      return {};
    }
  }

  get(key: string): string | null {
    return this.load()[key] ?? null;
  }

  set(key: string, value: string): void {
    writeFileSync(this.file, JSON.stringify({ ...this.load(), [key]: value }));
  }

  delete(key: string): void {
    const rest = this.load();
    delete rest[key];
    if (Object.keys(rest).length === 0) rmSync(this.file, { force: true });
    else writeFileSync(this.file, JSON.stringify(rest));
  }
}

/** One process works on one workbook file at a time: nothing to wait for. */
export class ProcessLock implements Lock {
  withLock<T>(fn: () => T): T {
    return fn();
  }
  withLockAsync<T>(fn: () => Promise<T>): Promise<T> {
    return fn();
  }
}
