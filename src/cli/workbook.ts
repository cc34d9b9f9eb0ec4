/** Opening and saving registry workbooks for the CLI, with messages people can act on. */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { FUJIEDA_PLAN } from "../../sheets-templates";
import { type SetupResult, setupRegistry } from "../app/setup";
import type { PlanTemplate } from "../domain/template";
import { XlsxRegistryStore } from "../office/xlsx-store";

/** Raised for a file the CLI cannot use; its message is shown as is and the exit code is 2. */
export class UnreadableFileError extends Error {}

export async function openRegistry(file: string): Promise<XlsxRegistryStore> {
  if (!existsSync(file)) throw new UnreadableFileError(`${file}: ファイルが見つかりません。`);
  try {
    return await XlsxRegistryStore.open(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason =
      code === "ENOENT"
        ? "ファイルが見つかりません"
        : code === "EACCES"
          ? "読み取る権限がありません"
          : ".xlsx 形式として読み取れません（Excel で開き、.xlsx 形式で保存し直してください）";
    throw new UnreadableFileError(`${file}: ${reason}。`);
  }
}

export async function saveRegistry(store: XlsxRegistryStore, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await store.save(file);
}

export async function initRegistry(
  file: string,
  exists: boolean,
  template: PlanTemplate = FUJIEDA_PLAN,
): Promise<{ store: XlsxRegistryStore; result: SetupResult }> {
  const store = exists ? await openRegistry(file) : XlsxRegistryStore.empty();
  const result = setupRegistry({ store }, template);
  await saveRegistry(store, file);
  return { store, result };
}
