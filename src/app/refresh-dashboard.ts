/** ダッシュボードを更新: one read per sheet, one batched write of the dashboard. */
import { instantToTokyoParts, tokyoDateOf } from "../domain/calendar";
import { buildDashboard, type Dashboard, dashboardRows } from "../domain/dashboard";
import { parseRegistry } from "../domain/registry";
import { sheetDef, WRITE_ONLY_SHEETS } from "../domain/schema";
import { layoutFor } from "../domain/template";
import type { Clock, Lock, RegistryStore } from "../ports";

export interface RefreshDashboardDeps {
  readonly store: RegistryStore;
  readonly clock: Clock;
  readonly lock: Lock;
}

function stamp(d: Date): string {
  const t = instantToTokyoParts(d);
  return `${t.date} ${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

export function refreshDashboard(deps: RefreshDashboardDeps): Dashboard | undefined {
  const { registry } = parseRegistry(deps.store.readAll([...WRITE_ONLY_SHEETS, "sendLog"]));
  const now = deps.clock.now();
  const dashboard = buildDashboard(registry, tokyoDateOf(now));
  const rows = dashboardRows(dashboard, stamp(now));
  const def = sheetDef("dashboard");
  const name = registry.sheetNames.dashboard ?? def.ja;
  return deps.lock.withLock(() => {
    if (!deps.store.sheetNames().includes(name)) {
      deps.store.createSheet(name, layoutFor(def, registry.settings), [
        def.columns.map((c) => c.ja),
        ...rows,
      ]);
    } else deps.store.replaceRows(name, rows);
    return dashboard;
  });
}
