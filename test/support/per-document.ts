/**
 * DocumentApp + DriveApp + Docs API service calls of each Doc a run made, in order. A Doc's share starts at
 * its DocumentApp.create (or File.makeCopy of a template) and runs to the next one; what comes
 * before the first Doc (the output-folder lookup) is charged to the first, the worst case.
 * Budgets are checked per Doc on these counts, never on their mean.
 */
import type { LedgerView } from "../gas-fake";

const STARTS_A_DOC = new Set(["DocumentApp.create", "File.makeCopy"]);

export function callsPerDocument(slice: LedgerView): number[] {
  const counts: number[] = [];
  let before = 0;
  for (const e of slice.calls()) {
    if (e.service !== "DocumentApp" && e.service !== "DriveApp" && e.service !== "Docs") continue;
    if (STARTS_A_DOC.has(e.method)) {
      counts.push(counts.length === 0 ? before + 1 : 1);
      continue;
    }
    if (counts.length === 0) before++;
    else counts[counts.length - 1] = (counts.at(-1) ?? 0) + 1;
  }
  return counts;
}
