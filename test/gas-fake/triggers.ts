/**
 * ScriptApp: installable triggers, their builders and enums. Time-driven triggers get a
 * deterministic next run time (GAS picks a random minute within the hour; we use the exact
 * hour and nearMinute), so fake.dueTimeTriggers() can tell which ones a test should fire.
 */
import { gasEnum } from "./enums";
import { badParameters, GasError } from "./errors";
import type { Runtime } from "./runtime";
import { zonedParts, zonedToEpoch } from "./time-zone";

type GasTrigger = GoogleAppsScript.Script.Trigger;
type EventType = GoogleAppsScript.Script.EventType;
type TriggerSource = GoogleAppsScript.Script.TriggerSource;

/**
 * GAS quota: 20 triggers per user per script
 * (https://developers.google.com/apps-script/guides/services/quotas#current_limitations).
 * A trigger belongs to the user who created it and runs with their authority; getProjectTriggers
 * "gets all installable triggers associated with the current project and current user"
 * (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()).
 */
export const MAX_TRIGGERS = 20;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type EventTypeName = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";

export interface ClockSchedule {
  every?: { unit: "minutes" | "hours" | "days" | "weeks"; n: number };
  atHour?: number;
  nearMinute?: number;
  weekDay?: number;
  timeZone?: string;
  /** one-shot: after(ms) / at(date) / atDate() */
  once?: number;
}

export type TriggerMethods =
  | "getHandlerFunction"
  | "getEventType"
  | "getTriggerSource"
  | "getTriggerSourceId"
  | "getUniqueId";

export class FakeTrigger implements Pick<GasTrigger, TriggerMethods> {
  /** epoch ms of the next run (time-driven triggers) */
  nextRunAt: number | undefined;
  /** a one-shot trigger that already ran stays listed (as in GAS) but is no longer due */
  fired = false;
  /** the user who created it: it runs as them and only they see it in getProjectTriggers */
  owner = "";

  constructor(
    private readonly rt: Runtime,
    readonly uid: string,
    readonly handler: string,
    readonly eventType: EventTypeName,
    readonly source: "CLOCK" | "SPREADSHEETS",
    readonly sourceId: string,
    readonly schedule?: ClockSchedule,
  ) {}

  getHandlerFunction(): string {
    return this.rt.call("ScriptApp", "Trigger.getHandlerFunction", () => this.handler);
  }

  getEventType(): EventType {
    return this.rt.call(
      "ScriptApp",
      "Trigger.getEventType",
      () => this.eventType as unknown as EventType,
    ); // string enum
  }

  getTriggerSource(): TriggerSource {
    return this.rt.call(
      "ScriptApp",
      "Trigger.getTriggerSource",
      () => this.source as unknown as TriggerSource,
    ); // string enum
  }

  getTriggerSourceId(): string {
    return this.rt.call("ScriptApp", "Trigger.getTriggerSourceId", () => this.sourceId);
  }

  getUniqueId(): string {
    return this.rt.call("ScriptApp", "Trigger.getUniqueId", () => this.uid);
  }

  /** after a run: move a recurring trigger to its next time, retire a one-shot one */
  advance(now: number): void {
    const every = this.schedule?.every;
    if (!every || this.nextRunAt === undefined) {
      this.fired = true;
      return;
    }
    const period =
      { minutes: 60_000, hours: HOUR, days: DAY, weeks: 7 * DAY }[every.unit] * every.n;
    while (this.nextRunAt <= now) this.nextRunAt += period;
  }

  /** the event object GAS passes to a time-driven handler */
  clockEvent(now: number): Record<string, unknown> {
    const p = zonedParts(now, "UTC");
    return {
      authMode: "FULL",
      triggerUid: this.uid,
      year: p.year,
      month: p.month,
      "day-of-month": p.day,
      "day-of-week": p.weekday === 0 ? 7 : p.weekday,
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      timezone: "UTC",
    };
  }
}

export function asGasTrigger(t: FakeTrigger): GasTrigger {
  return t as unknown as GasTrigger; // one cast: FakeTrigger implements only TriggerMethods
}

export interface TriggerStore {
  readonly triggers: FakeTrigger[];
}

export type ScriptAppMethods =
  | "AuthMode"
  | "EventType"
  | "TriggerSource"
  | "WeekDay"
  | "newTrigger"
  | "getProjectTriggers"
  | "deleteTrigger"
  | "getOAuthToken"
  | "getScriptId";

export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, ScriptAppMethods> {
  readonly AuthMode = gasEnum<typeof GoogleAppsScript.Script.AuthMode>([
    "NONE",
    "CUSTOM_FUNCTION",
    "LIMITED",
    "FULL",
  ]);
  readonly EventType = gasEnum<typeof GoogleAppsScript.Script.EventType>([
    "CLOCK",
    "ON_OPEN",
    "ON_EDIT",
    "ON_FORM_SUBMIT",
    "ON_CHANGE",
    "ON_EVENT_UPDATED",
  ]);
  readonly TriggerSource = gasEnum<typeof GoogleAppsScript.Script.TriggerSource>([
    "SPREADSHEETS",
    "CLOCK",
    "FORMS",
    "DOCUMENTS",
    "CALENDAR",
  ]);
  readonly WeekDay = gasEnum<typeof GoogleAppsScript.Base.Weekday>([
    "SUNDAY",
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
  ]);

  constructor(
    private readonly rt: Runtime,
    private readonly store: TriggerStore,
  ) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return this.rt.call(
      "ScriptApp",
      "ScriptApp.newTrigger",
      () => {
        if (typeof functionName !== "string" || functionName === "")
          throw badParameters("ScriptApp.newTrigger", [functionName]);
        // one cast: FakeTriggerBuilder implements only TriggerBuilderMethods
        return new FakeTriggerBuilder(
          this.rt,
          this.store,
          functionName,
        ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
      },
      { detail: functionName },
    );
  }

  getProjectTriggers(): GasTrigger[] {
    return this.rt.call("ScriptApp", "ScriptApp.getProjectTriggers", () =>
      this.store.triggers.filter((t) => t.owner === this.rt.execution.user).map(asGasTrigger),
    );
  }

  /** a trigger object we handed out (or one with the same unique id) */
  deleteTrigger(trigger: GasTrigger): void {
    this.rt.call("ScriptApp", "ScriptApp.deleteTrigger", () => {
      const target: unknown = trigger;
      const uid = target instanceof FakeTrigger ? target.uid : undefined;
      const i = this.store.triggers.findIndex(
        (t) => t.uid === uid && t.owner === this.rt.execution.user,
      );
      if (i < 0) throw new GasError("No trigger with that id could be found.");
      this.store.triggers.splice(i, 1);
    });
  }

  getOAuthToken(): string {
    return this.rt.call("ScriptApp", "ScriptApp.getOAuthToken", () => "fake-oauth-token");
  }

  getScriptId(): string {
    return this.rt.call("ScriptApp", "ScriptApp.getScriptId", () => this.rt.settings.scriptId);
  }
}

function install(rt: Runtime, store: TriggerStore, make: (uid: string) => FakeTrigger): GasTrigger {
  const owner = rt.execution.user;
  if (store.triggers.filter((t) => t.owner === owner).length >= MAX_TRIGGERS) {
    throw new GasError(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
  }
  const t = make(rt.nextId("trigger"));
  t.owner = owner;
  store.triggers.push(t);
  return asGasTrigger(t);
}

export type TriggerBuilderMethods = "timeBased" | "forSpreadsheet";

export class FakeTriggerBuilder
  implements Pick<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderMethods>
{
  constructor(
    private readonly rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.rt.call("ScriptApp", "TriggerBuilder.timeBased", () => {
      const b = new FakeClockTriggerBuilder(this.rt, this.store, this.handler);
      return b as unknown as GoogleAppsScript.Script.ClockTriggerBuilder; // one cast: Pick
    });
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.rt.call("ScriptApp", "TriggerBuilder.forSpreadsheet", () => {
      const id = typeof sheet === "string" ? sheet : sheet.getId();
      const b = new FakeSpreadsheetTriggerBuilder(this.rt, this.store, this.handler, id);
      return b as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder; // one cast: Pick
    });
  }
}

type ClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

export type ClockTriggerBuilderMethods =
  | "after"
  | "at"
  | "atDate"
  | "atHour"
  | "create"
  | "everyDays"
  | "everyHours"
  | "everyMinutes"
  | "everyWeeks"
  | "inTimezone"
  | "nearMinute"
  | "onWeekDay";

export class FakeClockTriggerBuilder implements Pick<ClockBuilder, ClockTriggerBuilderMethods> {
  private schedule: ClockSchedule = {};

  constructor(
    private readonly rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}

  private step(method: string, change: (s: ClockSchedule) => void): ClockBuilder {
    return this.rt.call("ScriptApp", `ClockTriggerBuilder.${method}`, () => {
      change(this.schedule);
      return this as unknown as ClockBuilder; // one cast: Pick
    });
  }

  after(durationMilliseconds: number): ClockBuilder {
    return this.step("after", (s) => {
      s.once = this.rt.clock.nowMs() + durationMilliseconds;
    });
  }

  at(date: GoogleAppsScript.Base.Date): ClockBuilder {
    return this.step("at", (s) => {
      s.once = (date as unknown as Date).getTime();
    });
  }

  atDate(year: number, month: number, day: number): ClockBuilder {
    return this.step("atDate", (s) => {
      s.once = zonedToEpoch(s.timeZone ?? this.rt.settings.timeZone, year, month, day);
    });
  }

  atHour(hour: number): ClockBuilder {
    return this.step("atHour", (s) => {
      if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        throw new GasError("The hour must be between 0 and 23.");
      s.atHour = hour;
    });
  }

  nearMinute(minute: number): ClockBuilder {
    return this.step("nearMinute", (s) => {
      if (!Number.isInteger(minute) || minute < 0 || minute > 59)
        throw new GasError("The minute must be between 0 and 59.");
      s.nearMinute = minute;
    });
  }

  inTimezone(timezone: string): ClockBuilder {
    return this.step("inTimezone", (s) => {
      s.timeZone = timezone;
    });
  }

  everyMinutes(n: number): ClockBuilder {
    return this.step("everyMinutes", (s) => {
      if (![1, 5, 10, 15, 30].includes(n)) {
        throw new GasError("The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.");
      }
      s.every = { unit: "minutes", n };
    });
  }

  everyHours(n: number): ClockBuilder {
    return this.step("everyHours", (s) => {
      if (![1, 2, 4, 6, 8, 12].includes(n)) {
        throw new GasError("The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.");
      }
      s.every = { unit: "hours", n };
    });
  }

  everyDays(n: number): ClockBuilder {
    return this.step("everyDays", (s) => {
      s.every = { unit: "days", n };
    });
  }

  everyWeeks(n: number): ClockBuilder {
    return this.step("everyWeeks", (s) => {
      s.every = { unit: "weeks", n };
    });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockBuilder {
    return this.step("onWeekDay", (s) => {
      const names = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
      s.weekDay = names.indexOf(String(day));
    });
  }

  create(): GasTrigger {
    return this.rt.call(
      "ScriptApp",
      "ClockTriggerBuilder.create",
      () => {
        const s = { ...this.schedule };
        if (s.every === undefined && s.once === undefined) {
          throw new GasError(
            "Clock triggers must be configured with one of: at, after, atDate, everyMinutes, everyHours, everyDays, everyWeeks.",
          );
        }
        if (s.atHour !== undefined && s.every?.unit !== "days" && s.every?.unit !== "weeks") {
          throw new GasError("atHour can only be used with everyDays or everyWeeks.");
        }
        return install(this.rt, this.store, (uid) => {
          const t = new FakeTrigger(this.rt, uid, this.handler, "CLOCK", "CLOCK", "", s);
          t.nextRunAt = firstRun(s, this.rt.clock.nowMs(), this.rt.settings.timeZone);
          return t;
        });
      },
      { detail: this.handler },
    );
  }
}

/** the first time a schedule fires after `now` */
export function firstRun(s: ClockSchedule, now: number, scriptTimeZone: string): number {
  if (s.once !== undefined) return s.once;
  const every = s.every;
  if (!every) return now;
  if (every.unit === "minutes") return now + every.n * 60_000;
  if (every.unit === "hours") return now + every.n * HOUR;
  if (s.atHour === undefined && s.weekDay === undefined)
    return now + (every.unit === "days" ? DAY : 7 * DAY) * every.n;
  const tz = s.timeZone ?? scriptTimeZone;
  const today = zonedParts(now, tz);
  for (let d = 0; d <= 7 * every.n + 1; d++) {
    const t = zonedToEpoch(
      tz,
      today.year,
      today.month,
      today.day + d,
      s.atHour ?? 0,
      s.nearMinute ?? 0,
    );
    if (t <= now) continue;
    if (s.weekDay !== undefined && zonedParts(t, tz).weekday !== s.weekDay) continue;
    return t;
  }
  return now + DAY;
}

type SheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export type SpreadsheetTriggerBuilderMethods =
  | "create"
  | "onChange"
  | "onEdit"
  | "onFormSubmit"
  | "onOpen";

export class FakeSpreadsheetTriggerBuilder
  implements Pick<SheetBuilder, SpreadsheetTriggerBuilderMethods>
{
  private event: EventTypeName | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private on(method: string, event: EventTypeName): SheetBuilder {
    return this.rt.call("ScriptApp", `SpreadsheetTriggerBuilder.${method}`, () => {
      this.event = event;
      return this as unknown as SheetBuilder; // one cast: Pick
    });
  }

  onChange(): SheetBuilder {
    return this.on("onChange", "ON_CHANGE");
  }

  onEdit(): SheetBuilder {
    return this.on("onEdit", "ON_EDIT");
  }

  onFormSubmit(): SheetBuilder {
    return this.on("onFormSubmit", "ON_FORM_SUBMIT");
  }

  onOpen(): SheetBuilder {
    return this.on("onOpen", "ON_OPEN");
  }

  create(): GasTrigger {
    return this.rt.call(
      "ScriptApp",
      "SpreadsheetTriggerBuilder.create",
      () => {
        const event = this.event;
        if (!event)
          throw new GasError(
            "Spreadsheet triggers must be configured with an event: onOpen, onEdit, onChange or onFormSubmit.",
          );
        return install(
          this.rt,
          this.store,
          (uid) =>
            new FakeTrigger(this.rt, uid, this.handler, event, "SPREADSHEETS", this.spreadsheetId),
        );
      },
      { detail: this.handler },
    );
  }
}
