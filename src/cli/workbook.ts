/**
 * Opening and saving registry workbooks for the CLI, with messages people can act on.
 * Every command that writes a registry goes through updateRegistry: one writer at a time (an
 * inter-process lock), and an atomic save that leaves the registry as it was if anything fails.
 */
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { type SetupResult, setupRegistry } from "../app/setup";
import type { PlanTemplate } from "../domain/template";
import { type SaveOptions, saveAppendsAtomically, saveAtomically } from "../office/atomic-save";
import { errnoCode, OfflineError } from "../office/offline-error";
import { type HeldLock, withRegistryLock } from "../office/registry-lock";
import { XlsxSnapshot } from "../office/xlsx-snapshot";
import { XlsxRegistryStore } from "../office/xlsx-store";
import type { RegistryStore } from "../ports";

/** Raised for a file the CLI cannot use; its message is shown as is and the exit code is 2. */
export class UnreadableFileError extends Error {}

export async function openRegistry(file: string): Promise<XlsxRegistryStore> {
  if (!existsSync(file)) {
    throw new OfflineError(file.includes("\uFFFD") ? "file-name-not-utf8" : "file-not-found", {
      file,
    });
  }
  let store: XlsxRegistryStore;
  try {
    store = await XlsxRegistryStore.open(file);
  } catch (e) {
    const code = errnoCode(e);
    throw new OfflineError(
      code === "ENOENT"
        ? "file-not-found"
        : code === "EACCES" || code === "EPERM"
          ? "file-no-read-permission"
          : "file-not-xlsx",
      { file },
    );
  }
  // A zip without a workbook inside opens as a book with no sheet, and cannot be saved.
  if (store.sheetNames().length === 0) throw new OfflineError("file-not-xlsx", { file });
  return store;
}

/**
 * A registry to read only (genki remind --dry-run): its values as XlsxSnapshot reads them, a
 * fraction of exceljs's document model at 1000× the plan (0.2 GB, not 1.2 GB). A file the
 * snapshot cannot read is opened as a whole, which also says why a bad file is bad.
 */
export async function readRegistry(file: string): Promise<RegistryStore> {
  return (await snapshotOf(file)) ?? openRegistry(file);
}

/**
 * The registry's values as XlsxSnapshot reads them; undefined when the file cannot be read or
 * is not a workbook it understands (openRegistry then says why, or reads the other layout).
 */
async function snapshotOf(file: string): Promise<XlsxSnapshot | undefined> {
  let data: Uint8Array;
  try {
    data = await readFile(file);
  } catch {
    return undefined;
  }
  const snapshot = await XlsxSnapshot.tryOpen(data);
  return snapshot && snapshot.sheetNames().length > 0 ? snapshot : undefined;
}

export interface UpdateContext {
  readonly held: HeldLock;
  /** saves now (atomically), e.g. before sending; the final save still happens after `fn` */
  readonly save: (store: XlsxRegistryStore, options?: SaveOptions) => Promise<XlsxRegistryStore>;
}

/**
 * Reads, changes and saves a registry holding its lock, so no other genki run writes it
 * meanwhile. `fn` returns the store to save (or undefined to save nothing) and a result.
 */
export async function updateRegistry<T>(
  file: string,
  fn: (
    store: XlsxRegistryStore,
    ctx: UpdateContext,
  ) => Promise<{ save: boolean; result: T; verify?: SaveOptions["verify"] }>,
  options: { create?: boolean } = {},
): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  return withRegistryLock(file, async (held) => {
    const store =
      options.create && !existsSync(file) ? XlsxRegistryStore.empty() : await openRegistry(file);
    const save = (s: XlsxRegistryStore, o: SaveOptions = {}) =>
      saveAtomically(s, file, { ...o, lockLost: held.lost });
    const out = await fn(store, { held, save });
    if (out.save) await save(store, out.verify ? { verify: out.verify } : {});
    return out.result;
  });
}

/**
 * updateRegistry for commands that only read the registry, append rows (report, deck: one 出力
 * row per output) or rewrite an app-owned tab's rows (validate: ダッシュボード). Under the same
 * lock and with the same atomic save, but the registry is read as values only (XlsxSnapshot)
 * and saved by writing those rows into the file as it was, so the cost does not grow with the
 * registry twice over (exceljs's document model, then its full write and read-back). A file
 * the snapshot cannot read or patch safely, or one `needsWholeWorkbook` refuses (a tab to
 * create), takes updateRegistry's path: `fn` then runs on the full workbook.
 */
export async function appendToRegistry<T>(
  file: string,
  fn: (store: RegistryStore) => Promise<T>,
  needsWholeWorkbook: (snapshot: RegistryStore) => boolean = () => false,
): Promise<T> {
  if (!existsSync(file))
    return updateRegistry(file, async (s) => ({ save: true, result: await fn(s) }));
  return withRegistryLock(file, async (held) => {
    const snapshot = await snapshotOf(file);
    if (snapshot && !needsWholeWorkbook(snapshot)) {
      const result = await fn(snapshot);
      if (await saveAppendsAtomically(snapshot, file, { lockLost: held.lost })) return result;
      // the file's layout needs a full save: the same rows, appended by exceljs
      const store = await openRegistry(file);
      for (const a of snapshot.pendingAppends())
        if (a.replace) store.replaceRows(a.sheet, a.rows);
        else store.appendRows(a.sheet, a.rows);
      await saveAtomically(store, file, { lockLost: held.lost });
      return result;
    }
    const store = await openRegistry(file);
    const result = await fn(store);
    await saveAtomically(store, file, { lockLost: held.lost });
    return result;
  });
}

/** Saves a workbook to `file` under its lock, atomically (for writes not read from `file`). */
export async function saveRegistry(store: XlsxRegistryStore, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await withRegistryLock(file, async (held) => {
    await saveAtomically(store, file, { lockLost: held.lost });
  });
}

export async function initRegistry(
  file: string,
  exists: boolean,
  template: PlanTemplate = FUJIEDA_PLAN,
): Promise<{ store: XlsxRegistryStore; result: SetupResult }> {
  return updateRegistry(
    file,
    async (store) => {
      const result = setupRegistry({ store }, template);
      return { save: true, result: { store, result } };
    },
    { create: !exists },
  );
}
