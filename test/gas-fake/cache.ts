/** CacheService: entries expire against the fake clock (default 600 s, at most 21600 s). */
import { GasError } from "./errors";
import type { Runtime } from "./runtime";

type GasCache = GoogleAppsScript.Cache.Cache;

const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;
/** "The maximum length of a key is 250 characters. The maximum amount of data that can be stored
 * per key is 100KB." (bytes): https://developers.google.com/apps-script/reference/cache/cache#put(String,String) */
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;

export type CacheMethods = "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll";

export class FakeCache implements Pick<GasCache, CacheMethods> {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(
    private readonly rt: Runtime,
    readonly scope: "script" | "document" | "user",
  ) {}

  private call<T>(method: string, body: () => T, detail?: string): T {
    return this.rt.call("CacheService", `Cache.${method}`, body, {
      detail: detail === undefined ? this.scope : `${this.scope}:${detail}`,
    });
  }

  private read(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.rt.clock.nowMs()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  private write(key: string, value: unknown, ttlSeconds: number | undefined): void {
    const k = String(key);
    const v = String(value);
    if (k.length > MAX_KEY_LENGTH) throw new GasError("Argument too large: key");
    if (Buffer.byteLength(v, "utf8") > MAX_VALUE_BYTES)
      throw new GasError("Argument too large: value");
    const ttl = Math.min(Math.max(ttlSeconds ?? DEFAULT_TTL_S, 1), MAX_TTL_S);
    this.entries.set(k, { value: v, expiresAt: this.rt.clock.nowMs() + ttl * 1000 });
  }

  get(key: string): string | null {
    return this.call("get", () => this.read(String(key)), key);
  }

  getAll(keys: string[]): { [key: string]: string } {
    return this.call("getAll", () => {
      const out: { [key: string]: string } = {};
      for (const k of keys) {
        const v = this.read(String(k));
        if (v !== null) out[k] = v;
      }
      return out;
    });
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.call("put", () => this.write(key, value, expirationInSeconds), key);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    this.call("putAll", () => {
      for (const [k, v] of Object.entries(values)) this.write(k, v, expirationInSeconds);
    });
  }

  remove(key: string): void {
    this.call("remove", () => this.entries.delete(String(key)), key);
  }

  removeAll(keys: string[]): void {
    this.call("removeAll", () => {
      for (const k of keys) this.entries.delete(String(k));
    });
  }
}

export type CacheServiceMethods = "getScriptCache" | "getDocumentCache" | "getUserCache";

export class FakeCacheService
  implements Pick<GoogleAppsScript.Cache.CacheService, CacheServiceMethods>
{
  readonly script: FakeCache;
  readonly document: FakeCache;
  readonly user: FakeCache;

  constructor(private readonly rt: Runtime) {
    this.script = new FakeCache(rt, "script");
    this.document = new FakeCache(rt, "document");
    this.user = new FakeCache(rt, "user");
  }

  private get(method: string, cache: FakeCache): GasCache {
    return this.rt.call(
      "CacheService",
      `CacheService.${method}`,
      () => cache as unknown as GasCache,
    ); // one cast: Pick
  }

  getScriptCache(): GasCache {
    return this.get("getScriptCache", this.script);
  }

  getDocumentCache(): GasCache {
    return this.get("getDocumentCache", this.document);
  }

  getUserCache(): GasCache {
    return this.get("getUserCache", this.user);
  }
}
