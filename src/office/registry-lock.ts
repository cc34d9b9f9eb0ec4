/**
 * One writer at a time per registry, across processes: an inter-process lock (proper-lockfile:
 * a lock folder created atomically and kept fresh while held) beside the registry, with who
 * holds it. A lock left by a process that died (kill -9, a PC switched off) is taken over at
 * once when that process is gone from this machine, or when it has not been refreshed for
 * STALE_MS. A second command waits a bounded time, then says who holds the registry.
 */
import {
  existsSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import lockfile from "proper-lockfile";
import { besideFile } from "./file-names";
import { errnoCode, OfflineError } from "./offline-error";

/** A held lock not refreshed for this long is abandoned (proper-lockfile refreshes at half). */
export const STALE_MS = 30_000;
/** How long a command waits for another to finish before giving up. */
export const DEFAULT_WAIT_MS = 15_000;
const POLL_MS = 150;

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

export interface HeldLock {
  /** true once the lock was found taken over or unrefreshable: do not save then */
  readonly lost: () => boolean;
}

function lockDir(file: string): string {
  const dir = dirname(file);
  const real = existsSync(dir) ? join(realpathSync(dir), basename(file)) : file;
  return besideFile(real, "lock");
}

function readOwner(dir: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, "owner.json"), "utf8")) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === "EPERM";
  }
}

function isStale(dir: string, owner: LockOwner | undefined): boolean {
  if (owner && owner.host === hostname() && !isAlive(owner.pid)) return true;
  try {
    return statSync(dir).mtimeMs < Date.now() - STALE_MS;
  } catch {
    return false; // gone already: the next attempt takes it
  }
}

/** Moves a stale lock aside, unless someone replaced it meanwhile. */
function breakStale(dir: string, owner: LockOwner | undefined): void {
  const again = readOwner(dir);
  if (again?.pid !== owner?.pid || again?.since !== owner?.since) return;
  const aside = `${dir}-stale-${process.pid}`;
  try {
    renameSync(dir, aside);
    rmSync(aside, { recursive: true, force: true });
  } catch {
    // another waiter broke it first
  }
}

export function describeOwner(owner: LockOwner | undefined): Record<string, string | number> {
  return owner
    ? { pid: owner.pid, host: owner.host, command: owner.command, since: owner.since }
    : {};
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding the lock on `file`. Throws OfflineError("lock-busy") naming the holder when
 * the lock is not free within `waitMs`.
 */
export async function withRegistryLock<T>(
  file: string,
  fn: (held: HeldLock) => Promise<T>,
  waitMs = Number(process.env.GENKI_LOCK_WAIT_MS ?? DEFAULT_WAIT_MS),
): Promise<T> {
  const dir = lockDir(file);
  const deadline = Date.now() + waitMs;
  let lost = false;
  let release: (() => Promise<void>) | undefined;
  let owner: LockOwner | undefined;
  for (;;) {
    try {
      release = await lockfile.lock(file, {
        lockfilePath: dir,
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        onCompromised: () => {
          lost = true;
        },
      });
      break;
    } catch (e) {
      const code = errnoCode(e);
      if (code !== "ELOCKED" && code !== "ENOTEMPTY")
        throw new OfflineError("lock-failed", { file, code: code ?? "?" });
      owner = readOwner(dir);
      if (isStale(dir, owner)) {
        breakStale(dir, owner);
        continue;
      }
      if (Date.now() >= deadline) {
        const holder = describeOwner(owner);
        throw new OfflineError("lock-busy", {
          file,
          seconds: Math.round(waitMs / 1000),
          holder: owner ? "lock-holder" : "lock-holder-unknown",
          ...holder,
        });
      }
      await sleep(POLL_MS);
    }
  }
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(2, 3).join(" ") || "genki",
    since: new Date().toISOString(),
  };
  // Writing into the lock folder changes its mtime, which proper-lockfile checks as its own
  // at every refresh: left changed, the lock counts as taken over 15 s in (the first refresh)
  // and every save after that is refused. The folder's mtime is put back as the lock set it.
  const { atime, mtime } = statSync(dir);
  writeFileSync(join(dir, "owner.json"), JSON.stringify(me));
  utimesSync(dir, atime, mtime);
  try {
    return await fn({ lost: () => lost });
  } finally {
    rmSync(join(dir, "owner.json"), { force: true });
    await release().catch(() => undefined);
  }
}
