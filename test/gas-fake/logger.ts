/** Logger and console: output goes to fake.logs (and nowhere else). Not ledgered. */
import type { Runtime } from "./runtime";

function render(data: unknown): string {
  if (typeof data === "string") return data;
  if (Object.prototype.toString.call(data) === "[object Date]") return String(data);
  if (
    data instanceof Error ||
    (typeof data === "object" && data !== null && "stack" in data && "message" in data)
  ) {
    return String(data);
  }
  try {
    return typeof data === "object" && data !== null ? JSON.stringify(data) : String(data);
  } catch {
    return String(data);
  }
}

/** Logger.log("a %s b", x): GAS's sprintf-like placeholders */
export function sprintf(format: string, values: readonly unknown[]): string {
  let i = 0;
  return format.replace(/%[sdfio%]/g, (token) => {
    if (token === "%%") return "%";
    const v = values[i++];
    return token === "%d" || token === "%i" ? String(Math.trunc(Number(v))) : render(v);
  });
}

export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, "log" | "getLog" | "clear"> {
  constructor(private readonly rt: Runtime) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message =
      typeof data === "string" && values.length > 0 ? sprintf(data, values) : render(data);
    this.rt.log("log", message);
    return this as unknown as GoogleAppsScript.Base.Logger; // one cast: Pick
  }

  getLog(): string {
    return this.rt.logs
      .filter((l) => l.level === "log")
      .map((l) => l.message)
      .join("\n");
  }

  clear(): void {
    this.rt.logs.length = 0;
  }
}

export function makeConsole(
  rt: Runtime,
): Record<"log" | "info" | "warn" | "error" | "debug", (...args: unknown[]) => void> {
  const write =
    (level: "log" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      rt.log(
        level,
        typeof first === "string" && rest.length > 0 && /%[sdfio]/.test(first)
          ? sprintf(first, rest)
          : args.map(render).join(" "),
      );
    };
  return {
    log: write("log"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    debug: write("log"),
  };
}
