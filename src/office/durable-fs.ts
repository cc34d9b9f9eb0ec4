/**
 * Writes that survive a crash or a power cut: the data flushed to disk before anyone relies on
 * it (atomic saves, the send journal, the outbox's .eml files).
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";

/** Flushes a folder's entries (a rename or a new file in it) to disk. */
export function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; the file's own fsync and its rename are what matter there.
  }
}

/** Writes `data` whole to `path` (created or truncated) and flushes it before returning. */
export function writeDurably(path: string, data: Uint8Array, mode = 0o644): void {
  const fd = openSync(path, "w", mode);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
