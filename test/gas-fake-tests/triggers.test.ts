import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("ScriptApp triggers", () => {
  it("builds a daily trigger at a Tokyo hour and reports it due when its time comes", () => {
    const fake = createGasFake({ now: "2026-04-01T09:00:00+09:00" });
    const { ScriptApp } = fake.services;
    const t = ScriptApp.newTrigger("sendReminders")
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(30)
      .inTimezone("Asia/Tokyo")
      .create();
    expect(t.getHandlerFunction()).toBe("sendReminders");
    expect(t.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(t.getUniqueId()).toMatch(/^trigger-/);
    expect(fake.triggers[0]?.nextRunAt).toBe(Date.parse("2026-04-02T08:30:00+09:00"));
    expect(fake.dueTimeTriggers()).toEqual([]);

    fake.clock.set("2026-04-02T08:30:00+09:00");
    expect(fake.dueTimeTriggers().map((x) => x.handler)).toEqual(["sendReminders"]);
    const calls: unknown[] = [];
    const ran = fake.runDueTriggers({ sendReminders: (e: unknown) => calls.push(e) });
    expect(ran).toEqual(["sendReminders"]);
    expect(calls[0]).toMatchObject({
      authMode: "FULL",
      triggerUid: t.getUniqueId(),
      hour: 23,
      "day-of-month": 1,
    });
    expect(fake.dueTimeTriggers()).toEqual([]);
    expect(fake.triggers[0]?.nextRunAt).toBe(Date.parse("2026-04-03T08:30:00+09:00"));
  });

  it("makes one-shot and spreadsheet triggers, lists and deletes them", () => {
    const fake = createGasFake();
    const { ScriptApp, SpreadsheetApp } = fake.services;
    ScriptApp.newTrigger("continueValidation").timeBased().after(60_000).create();
    const onEdit = ScriptApp.newTrigger("onEditInstalled")
      .forSpreadsheet(SpreadsheetApp.getActive())
      .onEdit()
      .create();
    expect(onEdit.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(onEdit.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(onEdit.getTriggerSourceId()).toBe(SpreadsheetApp.getActive().getId());
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
      "continueValidation",
      "onEditInstalled",
    ]);
    fake.clock.advance(60_000);
    expect(fake.runDueTriggers({ continueValidation: () => undefined })).toEqual([
      "continueValidation",
    ]);
    expect(fake.dueTimeTriggers()).toEqual([]); // one-shot: ran once, still listed
    expect(fake.triggers).toHaveLength(2);

    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getHandlerFunction() === "onEditInstalled") ScriptApp.deleteTrigger(t);
    }
    expect(fake.triggers.map((t) => t.handler)).toEqual(["continueValidation"]);
    expect(() => ScriptApp.deleteTrigger(onEdit)).toThrow(
      "No trigger with that id could be found.",
    );
  });

  it("validates builders and the 20-trigger quota like GAS", () => {
    const { ScriptApp } = createGasFake().services;
    expect(() => ScriptApp.newTrigger("f").timeBased().create()).toThrow(
      "Clock triggers must be configured",
    );
    expect(() => ScriptApp.newTrigger("f").timeBased().everyMinutes(7)).toThrow("everyMinutes");
    expect(() => ScriptApp.newTrigger("f").timeBased().everyHours(1).atHour(3).create()).toThrow(
      "atHour",
    );
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("f21").timeBased().everyHours(1).create()).toThrow(
      "too many triggers",
    );
  });
});
