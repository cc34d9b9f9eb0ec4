/**
 * Follow-up runs for work that may pass GAS's 6-minute limit: a one-off time trigger a minute
 * later, removed again when it fires so it never runs twice.
 */
const FOLLOW_UP_AFTER_MS = 60_000;

export function scheduleFollowUp(handler: string): void {
  ScriptApp.newTrigger(handler).timeBased().after(FOLLOW_UP_AFTER_MS).create();
}

export function clearFollowUps(handler: string): void {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === handler) ScriptApp.deleteTrigger(t);
  }
}
