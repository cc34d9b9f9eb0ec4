/**
 * A short fingerprint of a value's JSON (FNV-1a, 32 bits, hex): enough to tell whether a model
 * rebuilt in a follow-up run is the one an earlier run started from. Not a security hash.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? "";
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, "0")}:${text.length}`;
}
