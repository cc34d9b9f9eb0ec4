/**
 * 初期設定: creates the registry in a workbook, or completes it. Running it again never
 * destroys or duplicates anything: it adds missing tabs, headers and settings, seeds the
 * template only into tabs that have no data yet, and refreshes formats and dropdowns.
 */
import { parseRegistry, type RawSheet } from "../domain/registry";
import {
  mapHeaders,
  normaliseHeader,
  SETTINGS,
  type SettingKey,
  SHEETS,
  type SheetDef,
  type SheetKey,
  sheetKeyOfName,
} from "../domain/schema";
import { layoutFor, type PlanTemplate, settingRows, templateRows } from "../domain/template";
import type { Clock, Progress, RegistryStore, SheetLayout, Triggers } from "../ports";

export type SetupAction =
  | { readonly kind: "sheet-created"; readonly sheet: string; readonly rows: number }
  | { readonly kind: "headers-added"; readonly sheet: string; readonly headers: readonly string[] }
  | {
      readonly kind: "settings-added";
      readonly sheet: string;
      readonly settings: readonly string[];
    }
  | { readonly kind: "rows-seeded"; readonly sheet: string; readonly rows: number }
  | { readonly kind: "trigger-created"; readonly handler: string }
  /** the triggers belong to someone else: setup left them alone (see takeOverTriggers) */
  | { readonly kind: "triggers-owned"; readonly owner: string }
  | { readonly kind: "triggers-taken-over"; readonly from: string };

export interface SetupResult {
  readonly actions: readonly SetupAction[];
  /** tabs that were already complete */
  readonly unchanged: readonly string[];
  /** 送信時刻 as read from 設定 (the hour the daily trigger runs) */
  readonly sendHour: number;
}

export interface SetupDeps {
  readonly store: RegistryStore;
  readonly progress?: Progress;
  /** GAS only: the installable triggers setup creates, each at most once */
  readonly triggers?: Triggers;
  /** who runs setup, and when: what setup changes in an existing registry goes to 変更履歴 */
  readonly audit?: { readonly user: string; readonly clock: Clock };
}

/** The installable onEdit handler (audit log and the 確認済 lock); see src/gas/main.ts. */
export const AUDIT_HANDLER = "onEditInstalled";
/** The daily reminder handler, run at 送信時刻; see src/gas/main.ts. */
export const DAILY_REMINDER_HANDLER = "runDailyReminders";

/** Column key at each position of an existing header row (null where the column is not ours). */
function columnOrder(def: SheetDef, header: readonly unknown[]): (string | null)[] {
  const map = mapHeaders(def, header);
  const byIndex = new Map([...map.index].map(([key, i]) => [i, key]));
  return header.map((_, i) => byIndex.get(i) ?? null);
}

export function setupRegistry(deps: SetupDeps, template: PlanTemplate): SetupResult {
  const { store } = deps;
  const actions: SetupAction[] = [];
  const unchanged: string[] = [];
  const existing = new Map<SheetKey, string>();
  for (const name of store.sheetNames()) {
    const key = sheetKeyOfName(name);
    if (key && !existing.has(key)) existing.set(key, name);
  }
  const tabNames: Partial<Record<SheetKey, string>> = {};
  for (const def of SHEETS) tabNames[def.key] = existing.get(def.key) ?? def.ja;

  // Settings first: the layout of other tabs (periods, grades, years) depends on them.
  const reads = new Map<SheetKey, RawSheet>();
  const settingsName = existing.get("settings");
  if (settingsName) {
    const raw = store.read(settingsName);
    if (raw) reads.set("settings", raw);
  }
  const settingsRaw = reads.get("settings") ?? {
    name: "設定",
    values: [SHEETS[0]?.columns.map((c) => c.ja) ?? [], ...settingRows(template)],
  };
  const settings = parseRegistry([settingsRaw]).registry.settings;
  const dropdowns: [string, SheetLayout][] = [];

  for (const def of SHEETS) {
    deps.progress?.report(`「${tabNames[def.key]}」シートを準備しています…`);
    const name = existing.get(def.key);
    if (!name) {
      const rows = templateRows(def, template);
      const layout = layoutFor(def, settings, tabNames);
      store.createSheet(def.ja, layout, [def.columns.map((c) => c.ja), ...rows]);
      dropdowns.push([def.ja, layout]);
      actions.push({ kind: "sheet-created", sheet: def.ja, rows: rows.length });
      continue;
    }
    const raw = reads.get(def.key) ?? store.read(name);
    const values = raw?.values ?? [];
    const before = actions.length;
    let header = [...(values[0] ?? [])];
    while (header.length > 0 && normaliseHeader(header[header.length - 1]) === "") header.pop();

    const found = mapHeaders(def, header);
    const missing = def.columns.filter((c) => !found.index.has(c.key));
    if (missing.length > 0) {
      store.writeCells(name, 1, header.length + 1, [missing.map((c) => c.ja)]);
      header = [...header, ...missing.map((c) => c.ja)];
      actions.push({ kind: "headers-added", sheet: name, headers: missing.map((c) => c.ja) });
    }
    const order = columnOrder(def, header);
    const dataRows = values.slice(1).filter((r) => r.some((v) => String(v ?? "").trim() !== ""));

    if (def.key === "settings") {
      const keyCol = order.indexOf("key");
      const present = new Set(dataRows.map((r) => normaliseHeader(r[keyCol])));
      const absent = SETTINGS.filter(
        (s) => !present.has(normaliseHeader(s.ja)) && !present.has(normaliseHeader(s.en)),
      ).map((s) => s.key as SettingKey);
      if (absent.length > 0) {
        const rows = settingRows(template, absent).map(([k, v, n]) =>
          order.map((key) => (key === "key" ? k : key === "value" ? v : key === "note" ? n : "")),
        );
        store.appendRows(name, rows);
        actions.push({
          kind: "settings-added",
          sheet: name,
          settings: rows.map((r) => String(r[keyCol] ?? "")),
        });
      }
    } else if (dataRows.length === 0) {
      const rows = templateRows(def, template, order);
      if (rows.length > 0) {
        store.writeCells(name, 2, 1, rows);
        actions.push({ kind: "rows-seeded", sheet: name, rows: rows.length });
      }
    }
    const layout = layoutFor(def, settings, tabNames, order);
    store.applyLayout(name, layout);
    dropdowns.push([name, layout]);
    if (actions.length === before) unchanged.push(name);
  }
  // Dropdowns last: lists such as 主担当課 come from tabs created further down.
  for (const [name, layout] of dropdowns) {
    if (layout.dropdowns.length > 0) store.setDropdowns(name, layout.dropdowns);
  }
  const auditName = existing.get("auditLog");
  const logged = actions.filter((a) => a.kind !== "sheet-created" && a.kind !== "trigger-created");
  if (deps.audit && auditName && logged.length > 0) {
    // Script edits are logged by the code that makes them (an onEdit trigger never sees them).
    const at = deps.audit.clock.now();
    const rows = logged.map((a) => [
      at,
      deps.audit?.user ?? "",
      "sheet" in a ? a.sheet : "",
      "",
      "",
      describeAction(a, "ja").replace(/^・/, "初期設定: "),
    ]);
    store.appendRows(auditName, rows);
  }
  if (deps.triggers) actions.push(...setupTriggers(deps.triggers, settings.sendHour));
  return { actions, unchanged, sendHour: settings.sendHour };
}

/**
 * The two installable triggers, one owner per spreadsheet (recorded with the trigger IDs).
 * Someone else's setup leaves the owner's triggers alone and reports who owns them; with
 * `takeOver` it installs its own and records itself, and the former owner's triggers retire
 * themselves the next time they fire. Never a second set.
 */
export function setupTriggers(
  triggers: Triggers,
  sendHour: number,
  options: { readonly takeOver?: boolean } = {},
): SetupAction[] {
  const me = triggers.currentUser();
  const recorded = triggers.ownership();
  if (recorded && recorded.owner !== me && recorded.owner !== "" && !options.takeOver) {
    return [{ kind: "triggers-owned", owner: recorded.owner }];
  }
  const actions: SetupAction[] = [];
  if (recorded && recorded.owner !== me && recorded.owner !== "") {
    actions.push({ kind: "triggers-taken-over", from: recorded.owner });
  }
  const mine = triggers.installed();
  const ids: string[] = [];
  const ensure = (handler: string, kind: "onEdit" | "daily", install: () => string) => {
    const candidates = mine.filter((t) => t.handler === handler && t.kind === kind);
    const found = candidates.find((t) => recorded?.ids.includes(t.id)) ?? candidates[0];
    if (found) {
      ids.push(found.id);
      return;
    }
    ids.push(install());
    actions.push({ kind: "trigger-created", handler });
  };
  ensure(AUDIT_HANDLER, "onEdit", () => triggers.installOnEdit(AUDIT_HANDLER));
  ensure(DAILY_REMINDER_HANDLER, "daily", () =>
    triggers.installDaily(DAILY_REMINDER_HANDLER, sendHour),
  );
  triggers.recordOwnership({ owner: me, ids });
  return actions;
}

/** What setup did, as one message for a dialog or the terminal. */
export function describeSetup(result: SetupResult, lang: "ja" | "en" = "ja"): string {
  const lines = result.actions.map((a) => describeAction(a, lang));
  if (lines.length === 0) {
    return lang === "ja"
      ? "登録簿はすでに整っています。変更はありません（書式とプルダウンを更新しました）。"
      : "The registry is already complete. Nothing was changed (formats and dropdowns were refreshed).";
  }
  const head = lang === "ja" ? "初期設定を行いました。" : "Setup finished.";
  const tail =
    lang === "ja" ? "既存の入力内容は変更していません。" : "Existing entries were not changed.";
  return [head, ...lines, tail].join("\n");
}

function describeAction(a: SetupAction, lang: "ja" | "en"): string {
  switch (a.kind) {
    case "sheet-created":
      return lang === "ja"
        ? `・「${a.sheet}」シートを作成しました（${a.rows}行）。`
        : `• Created the sheet “${a.sheet}” (${a.rows} rows).`;
    case "headers-added":
      return lang === "ja"
        ? `・「${a.sheet}」に見出し${a.headers.map((h) => `「${h}」`).join("")}を追加しました。`
        : `• Added the columns ${a.headers.join(", ")} to “${a.sheet}”.`;
    case "settings-added":
      return lang === "ja"
        ? `・「${a.sheet}」に設定${a.settings.map((h) => `「${h}」`).join("")}を追加しました。`
        : `• Added the settings ${a.settings.join(", ")} to “${a.sheet}”.`;
    case "rows-seeded":
      return lang === "ja"
        ? `・空だった「${a.sheet}」にひな形の${a.rows}行を入れました。`
        : `• Filled the empty sheet “${a.sheet}” with ${a.rows} template rows.`;
    case "triggers-owned":
      return lang === "ja"
        ? `・自動処理（変更履歴の記録と毎日のリマインダー）のトリガーは ${a.owner} さんが所有しているため、変更していません。`
        : `• The triggers (edit log and daily reminders) belong to ${a.owner}; they were left as they are.`;
    case "triggers-taken-over":
      return lang === "ja"
        ? `・自動処理のトリガーを ${a.from} さんから引き継ぎました（以前のトリガーは次の実行時に自動で削除されます）。`
        : `• Took over the triggers from ${a.from} (their old triggers remove themselves the next time they fire).`;
    case "trigger-created":
      if (a.handler === DAILY_REMINDER_HANDLER) {
        return lang === "ja"
          ? "・毎日の送信時刻にリマインダーを送るトリガーを作成しました。"
          : "• Created the daily reminder trigger at the configured send time.";
      }
      return lang === "ja"
        ? "・編集を変更履歴に記録し、確認済の行を保護するトリガーを作成しました。"
        : "• Created the trigger that logs edits and protects confirmed rows.";
  }
}
