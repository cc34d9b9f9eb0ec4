/** Prompts and alerts suspend the script while open: their time is the execution's time. */
import { describe, expect, it } from "vitest";
import { createGasFake } from "../gas-fake";

describe("time spent in dialogs", () => {
  it("moves the clock by the time the person takes to answer", () => {
    const fake = createGasFake({ now: "2026-04-01T09:00:00+09:00" });
    const ui = fake.services.SpreadsheetApp.getUi();
    const t0 = fake.clock.nowMs();
    fake.ui.respondToPrompt("2012", "OK", 90_000);
    const answer = ui.prompt("年度", "年度を入力してください", ui.ButtonSet.OK_CANCEL);
    expect(answer.getResponseText()).toBe("2012");
    const t1 = fake.clock.nowMs();
    expect(t1 - t0).toBeGreaterThanOrEqual(90_000);
    fake.ui.respondAfter(30_000, "NO");
    expect(String(ui.alert("確認", "送信しますか", ui.ButtonSet.YES_NO))).toBe("NO");
    expect(fake.clock.nowMs() - t1).toBeGreaterThanOrEqual(30_000);
    // and the ledger shows it on the dialog's own entry
    const alert = fake.ledger.all().find((e) => e.method === "Ui.alert");
    expect(alert?.ms).toBeGreaterThanOrEqual(30_000);
  });
});
