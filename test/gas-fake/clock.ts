/**
 * A settable clock. `DateClass` is a subclass of the host Date whose no-argument constructor and
 * Date.now() read this clock; it is what `globals.Date` exposes to the bundle, and every Date
 * the fake hands out (getValues, event objects, ...) is an instance of it, so both
 * `instanceof Date` inside the vm context and Object.prototype.toString.call(v) ===
 * "[object Date]" (the robust, cross-realm test we recommend) recognise them.
 */
export type FakeDateConstructor = DateConstructor & (new (...args: unknown[]) => Date);

export class FakeClock {
  private ms: number;
  readonly DateClass: FakeDateConstructor;

  constructor(start: string | Date | number) {
    this.ms = toMs(start);
    this.DateClass = makeDateClass(() => this.ms);
  }

  /** current time as a fake-realm Date */
  now(): Date {
    return new this.DateClass(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(time: string | Date | number): void {
    this.ms = toMs(time);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance clock by ${ms}`);
    this.ms += ms;
  }

  /** a fake-realm Date for an epoch time */
  date(ms: number): Date {
    return new this.DateClass(ms);
  }
}

function hostDate(args: unknown[]): Date {
  return Reflect.construct(Date, args) as Date;
}

function toMs(t: string | Date | number): number {
  const ms = typeof t === "number" ? t : typeof t === "string" ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`invalid time: ${String(t)}`);
  return ms;
}

function makeDateClass(now: () => number): FakeDateConstructor {
  class FakeDate extends Date {
    constructor(...args: unknown[]) {
      // With arguments it behaves exactly like Date (same local-time rules as the host).
      super(args.length === 0 ? Math.floor(now()) : hostDate(args).getTime());
    }

    static override now(): number {
      return Math.floor(now());
    }
  }
  Object.defineProperty(FakeDate, "name", { value: "Date" });
  // One cast: a class cannot be declared callable, but DateConstructor is; calling it without
  // `new` throws, which GAS code does not do (Date() as a string is not used by the bundle).
  return FakeDate as unknown as FakeDateConstructor;
}
