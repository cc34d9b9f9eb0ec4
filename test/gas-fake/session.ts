/** Session: the active user, script time zone and locale. */
import { userOf } from "./protection";
import type { Runtime } from "./runtime";

export type SessionMethods =
  | "getActiveUser"
  | "getEffectiveUser"
  | "getScriptTimeZone"
  | "getActiveUserLocale"
  | "getTemporaryActiveUserKey";

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, SessionMethods> {
  /** "" models contexts where GAS hides the user (simple triggers of other domains) */
  activeUser: string;

  constructor(private readonly rt: Runtime) {
    this.activeUser = rt.settings.user;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return this.rt.call("Session", "Session.getActiveUser", () => userOf(this.activeUser));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.rt.call("Session", "Session.getEffectiveUser", () => userOf(this.rt.settings.user));
  }

  getScriptTimeZone(): string {
    return this.rt.call("Session", "Session.getScriptTimeZone", () => this.rt.settings.timeZone);
  }

  getActiveUserLocale(): string {
    return this.rt.call("Session", "Session.getActiveUserLocale", () => "ja");
  }

  getTemporaryActiveUserKey(): string {
    return this.rt.call(
      "Session",
      "Session.getTemporaryActiveUserKey",
      () => `temp-key-${this.activeUser}`,
    );
  }
}
