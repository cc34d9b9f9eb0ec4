/**
 * Opening and saving registry workbooks for the CLI, with messages people can act on.
 * Every command that writes a registry goes through updateRegistry: one writer at a time (an
 * inter-process lock), and an atomic save that leaves the registry as it was if anything fails.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { type SetupResult, setupRegistry } from "../app/setup";
import type { PlanTemplate } from "../domain/template";
import { type SaveOptions, saveAtomically } from "../office/atomic-save";
import { errnoCode, OfflineError } from "../office/offline-error";
import { type HeldLock, withRegistryLock } from "../office/registry-lock";
import { XlsxRegistryStore } from "../office/xlsx-store";

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
