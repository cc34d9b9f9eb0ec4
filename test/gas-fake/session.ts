/** Session: the active user, script time zone and locale. */
import { userOf } from "./protection";
import type { Runtime } from "./runtime";

export type SessionMethods =
  | "getActiveUser"
  | "getEffectiveUser"
  | "getScriptTimeZone"
  | "getActiveUserLocale"
  | "getTemporaryActiveUserKey";

/**
 * getActiveUser: "If security policies do not allow access to the user's identity,
 * User.getEmail() returns a blank string" (e.g. in a trigger an editor outside the owner's
 * domain caused): https://developers.google.com/apps-script/reference/base/session#getActiveUser()
 * getEffectiveUser: the user whose authority the script runs with (the trigger's owner).
 */
export class FakeSession implements Pick<GoogleAppsScript.Base.Session, SessionMethods> {
  constructor(private readonly rt: Runtime) {}

  /** "" models contexts where GAS hides the user (an editor outside the owner's domain) */
  get activeUser(): string {
    return this.rt.execution.activeUser;
  }
  set activeUser(email: string) {
    this.rt.execution.activeUser = email;
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return this.rt.call("Session", "Session.getActiveUser", () => userOf(this.activeUser));
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.rt.call("Session", "Session.getEffectiveUser", () =>
      userOf(this.rt.execution.user),
    );
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
