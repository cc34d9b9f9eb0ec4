/**
 * Saving a registry so that no crash and no failure can damage it: the workbook is written to a
 * temporary file in the same folder, flushed to disk, read back, and only then renamed over the
 * registry (a rename within a folder is atomic). The previous version stays as one `.bak`.
 * A save that fails leaves the registry exactly as it was.
 */
import { existsSync, linkSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { crashPoint } from "./crash-points";
import { fsyncFolder, writeDurably } from "./durable-fs";
import { backupPath, besideFile } from "./file-names";
import { errnoCode, OfflineError } from "./offline-error";
import { fitWrappedRows } from "./row-heights";
import { appendedWorkbook } from "./xlsx-append";
import { XlsxSnapshot } from "./xlsx-snapshot";
import { cellToGas, gasToCell, XlsxRegistryStore } from "./xlsx-store";

export interface SaveOptions {
  /** checks the copy read back from disk (e.g. that it holds the rows just written) */
  readonly verify?: (saved: XlsxRegistryStore) => void;
  /** true when the registry lock was lost meanwhile: the save is abandoned */
  readonly lockLost?: () => boolean;
}

/** The name of Excel's owner file while it has `file` open: `~$` + the name. */
function excelOwnerFile(file: string): string {
  return join(dirname(file), `~$${basename(file)}`);
}

/** The user in Excel's owner file (its first byte is the name's length), if readable. */
function excelOwner(ownerFile: string): string {
  try {
    const bytes = readFileSync(ownerFile);
    const n = bytes[0] ?? 0;
    const name = bytes
      .subarray(1, 1 + n)
      .toString("latin1")
      .trim();
    return name || basename(ownerFile);
  } catch {
    return basename(ownerFile);
  }
}

/**
 * Throws when the registry must not be written: marked read-only (respected even for an
 * administrator, who could otherwise replace it), or open in Excel.
 */
export function assertWritable(file: string): void {
  if (existsSync(file) && (statSync(file).mode & 0o222) === 0)
    throw new OfflineError("file-read-only", { file });
  const owner = excelOwnerFile(file);
  if (existsSync(owner))
    throw new OfflineError("file-open-in-excel", { file, owner: excelOwner(owner) });
}

function saveFailure(file: string, e: unknown): OfflineError {
  if (e instanceof OfflineError) return e;
  const code = errnoCode(e);
  const reason =
    code === "ENOSPC" || code === "EDQUOT"
      ? "save-reason-disk-full"
      : code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? "save-reason-permission"
        : "save-reason-other";
  return new OfflineError("save-failed", { file, reason, code: code ?? "?" });
}

/** Keeps the current registry as the backup: a hard link (no copy), else a copy. */
function keepBackup(file: string): void {
  if (!existsSync(file)) return;
  const bak = backupPath(file);
  const staging = besideFile(file, "bak");
  rmSync(staging, { force: true });
  try {
    linkSync(file, staging);
  } catch {
    writeDurably(staging, readFileSync(file), statSync(file).mode & 0o777);
  }
  renameSync(staging, bak);
}

/**
 * Writes `data` beside `file`, flushed to disk, has `readBack` check the copy on disk, and only
 * then renames it over `file` (keeping the previous version as the backup).
 */
async function commitAtomically<T>(
  file: string,
  temp: string,
  data: Uint8Array,
  readBack: (temp: string) => Promise<T>,
  options: SaveOptions,
): Promise<T> {
  const mode = existsSync(file) ? statSync(file).mode & 0o777 : 0o644;
  writeDurably(temp, data, mode);
  crashPoint("save:written");
  let saved: T;
  try {
    saved = await readBack(temp);
  } catch {
    throw new OfflineError("save-failed", { file, reason: "save-reason-read-back" });
  }
  if (options.lockLost?.())
    throw new OfflineError("save-failed", { file, reason: "save-reason-lock-lost" });
  keepBackup(file);
  crashPoint("save:before-rename");
  renameSync(temp, file);
  fsyncFolder(dirname(file));
  return saved;
}

/** Saves `store` over `file` atomically; returns the copy read back from disk. */
export async function saveAtomically(
  store: XlsxRegistryStore,
  file: string,
  options: SaveOptions = {},
): Promise<XlsxRegistryStore> {
  assertWritable(file);
  const temp = besideFile(file, "save");
  try {
    let data: Uint8Array;
    try {
      fitWrappedRows(store.workbook);
      data = new Uint8Array(await store.workbook.xlsx.writeBuffer());
    } catch {
      throw new OfflineError("save-failed", { file, reason: "save-reason-serialise" });
    }
    return await commitAtomically(
      file,
      temp,
      data,
      async (path) => {
        const saved = await XlsxRegistryStore.open(path);
        options.verify?.(saved);
        return saved;
      },
      options,
    );
  } catch (e) {
    rmSync(temp, { force: true });
    throw saveFailure(file, e);
  }
}

/** Two cell values are the same once read back (a Date to the millisecond Excel keeps). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return Math.abs(a.getTime() - b.getTime()) < 1000;
  return a === b;
}

/**
 * Saves the rows a snapshot appended over `file`, atomically, by adding them to the file as it
 * was read (see xlsx-append.ts); the copy on disk is checked (every part's checksum, and the
 * appended rows read back as written) before it replaces `file`. Returns false, having written
 * nothing, when the file's layout calls for a full save instead.
 */
export async function saveAppendsAtomically(
  snapshot: XlsxSnapshot,
  file: string,
  options: Pick<SaveOptions, "lockLost"> = {},
): Promise<boolean> {
  const appends = snapshot.pendingAppends();
  if (appends.length === 0) return true;
  assertWritable(file);
  const temp = besideFile(file, "save");
  try {
    let data: Uint8Array | undefined;
    try {
      data = await appendedWorkbook(snapshot.source.zip, snapshot.source.parts, appends);
    } catch {
      throw new OfflineError("save-failed", { file, reason: "save-reason-serialise" });
    }
    if (data === undefined) return false;
    const names = [...new Set(appends.map((a) => a.sheet))];
    await commitAtomically(
      file,
      temp,
      data,
      async (path) => {
        const sheets = await XlsxSnapshot.readBack(readFileSync(path), names);
        for (const a of appends) {
          const values = sheets?.get(a.sheet)?.values ?? [];
          if (a.replace && values.length > a.firstRow - 1 + a.rows.length)
            throw new Error(`${a.sheet}: rows below the replaced ones were left`);
          a.rows.forEach((row, i) => {
            const back = values[a.firstRow - 1 + i] ?? [];
            row.forEach((v, j) => {
              const expected = cellToGas(gasToCell(v));
              if (!sameValue(back[j] ?? "", expected))
                throw new Error(`${a.sheet} row ${a.firstRow + i} column ${j + 1} not saved`);
            });
          });
        }
      },
      options,
    );
    return true;
  } catch (e) {
    rmSync(temp, { force: true });
    throw saveFailure(file, e);
  }
}
