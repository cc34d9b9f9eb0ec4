import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("faults", () => {
  it("throws once on the nth call of a method, counted from when it is set", () => {
    const fake = createGasFake();
    const sheet = fake.services.SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1").setValues([[1]]); // before the fault: not counted
    fake.faults.throwOn("Range.setValues", 2);
    sheet.getRange("A1").setValues([[1]]);
    expect(() => sheet.getRange("A2").setValues([[2]])).toThrow(
      "We're sorry, a server error occurred. Please wait a bit and try again.",
    );
    expect(sheet.getRange("A2").getValue()).toBe(""); // nothing written
    sheet.getRange("A2").setValues([[2]]); // once only
    expect(sheet.getRange("A2").getValue()).toBe(2);
    const failed = fake.ledger.all().filter((e) => e.error !== undefined);
    expect(failed.map((e) => e.method)).toEqual(["Range.setValues"]);
  });

  it("throws GAS-looking errors: name Exception, message without the prefix", () => {
    const fake = createGasFake();
    fake.faults.throwOn("Properties.getProperty", 1, "Service unavailable: Properties");
    const props = fake.services.PropertiesService.getScriptProperties();
    try {
      props.getProperty("cursor");
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toBe("Exception: Service unavailable: Properties");
      expect((e as Error).message).toBe("Service unavailable: Properties");
    }
    const custom = new RangeError("custom");
    fake.faults.throwOn("Properties.getProperty", 1, custom);
    expect(() => props.getProperty("cursor")).toThrow(custom);
  });

  it("exhausts the mail quota", () => {
    const fake = createGasFake();
    fake.faults.mailQuota(0);
    expect(fake.services.MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => fake.services.MailApp.sendEmail("a@example.jp", "s", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(fake.mail.sent).toHaveLength(0);
  });

  it("holds the script lock in another execution", () => {
    const fake = createGasFake();
    const lock = fake.services.LockService.getScriptLock();
    fake.faults.holdLock();
    const before = fake.clock.nowMs();
    expect(lock.tryLock(5000)).toBe(false);
    expect(fake.clock.nowMs() - before).toBeGreaterThanOrEqual(5000);
    expect(() => lock.waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(lock.hasLock()).toBe(false);
    expect(fake.ledger.totalMs()).toBe(
      fake.clock.nowMs() - Date.parse("2026-04-01T09:00:00+09:00"),
    );
    fake.faults.releaseLock();
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    fake.faults.holdLock("document");
    expect(fake.services.LockService.getScriptLock().tryLock(10)).toBe(true);
    fake.faults.clear();
    expect(fake.services.LockService.getDocumentLock().tryLock(10)).toBe(true);
  });

  it("releases this execution's locks at endExecution", () => {
    const fake = createGasFake();
    const lock = fake.services.LockService.getScriptLock();
    lock.waitLock(1000);
    expect(fake.services.LockService.getScriptLock().hasLock()).toBe(true);
    fake.endExecution();
    expect(lock.hasLock()).toBe(false);
  });
});
