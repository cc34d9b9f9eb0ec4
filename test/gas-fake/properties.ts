/** PropertiesService: three stores; values are stored as strings, like GAS. */
import { GasError } from "./errors";
import type { Runtime } from "./runtime";

type GasProperties = GoogleAppsScript.Properties.Properties;

/** GAS limits, in UTF-8 bytes: 9 KB per value, 500 KB per store ("Properties value size",
 * "Properties total storage": https://developers.google.com/apps-script/guides/services/quotas#current_limitations) */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

export type PropertiesMethods =
  | "getProperty"
  | "setProperty"
  | "setProperties"
  | "getProperties"
  | "deleteProperty"
  | "deleteAllProperties"
  | "getKeys";

export class FakeProperties implements Pick<GasProperties, PropertiesMethods> {
  readonly store = new Map<string, string>();

  constructor(
    private readonly rt: Runtime,
    readonly scope: "script" | "document" | "user",
  ) {}

  private call<T>(method: string, body: () => T, detail?: string): T {
    return this.rt.call("PropertiesService", `Properties.${method}`, body, {
      detail: detail === undefined ? this.scope : `${this.scope}:${detail}`,
    });
  }

  private self(): GasProperties {
    return this as unknown as GasProperties; // one cast: only PropertiesMethods are implemented
  }

  private put(key: string, value: unknown): void {
    const text = String(value);
    if (Buffer.byteLength(text, "utf8") > MAX_VALUE_BYTES)
      throw new GasError("Argument too large: value");
    this.store.set(String(key), text);
    let total = 0;
    for (const [k, v] of this.store) total += Buffer.byteLength(k + v, "utf8");
    if (total > MAX_STORE_BYTES) {
      this.store.delete(String(key));
      throw new GasError(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  }

  getProperty(key: string): string | null {
    return this.call("getProperty", () => this.store.get(String(key)) ?? null, key);
  }

  setProperty(key: string, value: string): GasProperties {
    return this.call(
      "setProperty",
      () => {
        this.put(key, value);
        return this.self();
      },
      key,
    );
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GasProperties {
    return this.call("setProperties", () => {
      if (deleteAllOthers) this.store.clear();
      for (const [k, v] of Object.entries(properties)) this.put(k, v);
      return this.self();
    });
  }

  getProperties(): { [key: string]: string } {
    return this.call("getProperties", () => Object.fromEntries(this.store));
  }

  deleteProperty(key: string): GasProperties {
    return this.call(
      "deleteProperty",
      () => {
        this.store.delete(String(key));
        return this.self();
      },
      key,
    );
  }

  deleteAllProperties(): GasProperties {
    return this.call("deleteAllProperties", () => {
      this.store.clear();
      return this.self();
    });
  }

  getKeys(): string[] {
    return this.call("getKeys", () => [...this.store.keys()]);
  }
}

export type PropertiesServiceMethods =
  | "getScriptProperties"
  | "getDocumentProperties"
  | "getUserProperties";

export class FakePropertiesService
  implements Pick<GoogleAppsScript.Properties.PropertiesService, PropertiesServiceMethods>
{
  readonly script: FakeProperties;
  readonly document: FakeProperties;
  readonly user: FakeProperties;

  constructor(private readonly rt: Runtime) {
    this.script = new FakeProperties(rt, "script");
    this.document = new FakeProperties(rt, "document");
    this.user = new FakeProperties(rt, "user");
  }

  private get(method: string, store: FakeProperties): GasProperties {
    return this.rt.call(
      "PropertiesService",
      `PropertiesService.${method}`,
      () => store as unknown as GasProperties,
    );
  }

  getScriptProperties(): GasProperties {
    return this.get("getScriptProperties", this.script);
  }

  getDocumentProperties(): GasProperties {
    return this.get("getDocumentProperties", this.document);
  }

  getUserProperties(): GasProperties {
    return this.get("getUserProperties", this.user);
  }
}
