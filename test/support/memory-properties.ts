/** Properties (the GAS PropertiesService port) kept in memory, for use-case tests. */
import type { Properties } from "../../src/ports";

export class MemoryProperties implements Properties {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
}
