/**
 * File names the offline command makes: limited in bytes (most file systems allow 255 bytes per
 * name, and a Japanese character takes 3), unique when two names collide, and for the files kept
 * beside a registry, of a fixed length whatever the registry is called.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Bytes per name component on ext4, APFS, NTFS (in UTF-16 units there, fewer than bytes here). */
export const MAX_NAME_BYTES = 255;

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The longest prefix of `text` (whole characters) that fits in `maxBytes` of UTF-8. */
export function fitBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

export function shortHash(text: string, length = 10): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, length);
}

/**
 * `stem + suffix` within the byte limit: a stem too long is cut and tagged with a short hash of
 * the whole, so two long names that share their beginning still differ.
 */
export function boundedName(stem: string, suffix: string, maxBytes = MAX_NAME_BYTES): string {
  if (utf8Length(stem + suffix) <= maxBytes) return stem + suffix;
  const tag = `~${shortHash(stem, 8)}`;
  return fitBytes(stem, maxBytes - utf8Length(suffix) - tag.length) + tag + suffix;
}

/**
 * A name not yet used in `dir` nor in `taken`: `stem.ext`, then `stem-2.ext`, `stem-3.ext`…,
 * every candidate within the byte limit.
 */
export function uniqueName(
  dir: string,
  stem: string,
  ext: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  for (let n = 1; ; n++) {
    const name = boundedName(stem, `${n === 1 ? "" : `-${n}`}${ext}`);
    if (!taken.has(name) && !existsSync(join(dir, name))) return name;
  }
}

/**
 * A hidden file beside `file` (journal, lock, temporary save) with a short fixed-length name:
 * `.genki-<role>-<hash of the registry's name>`. It never grows with the registry's name.
 */
export function besideFile(file: string, role: string): string {
  return join(dirname(file), `.genki-${role}-${shortHash(basename(file), 12)}`);
}

/** The one backup kept of a registry: `registry.xlsx.bak` (shortened with a hash if too long). */
export function backupPath(file: string): string {
  return join(dirname(file), boundedName(basename(file), ".bak"));
}
