/** A file name (without extension) from a report title, safe on Windows, macOS and Linux. */
import { fitBytes } from "../file-names";

/** Characters Windows forbids in names, control characters, and path separators. */
const FORBIDDEN = /[\\/:*?"<>|\p{Cc}]+/gu;
/** Names Windows reserves whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Keeps room for the extension and a folder under the 255-character limit of most file systems. */
const MAX_LENGTH = 120;
/**
 * File systems count bytes (255 per name) and a Japanese character is 3 of them: the name stays
 * under 200 bytes, leaving room for a " (柱-10)" tag and the extension.
 */
const MAX_BYTES = 200;

export function safeFileName(title: string, fallback: string): string {
  let name = title
    .normalize("NFC")
    .replace(FORBIDDEN, "_")
    .replace(/\s+/g, " ")
    .trim()
    // Windows drops trailing dots and spaces; a leading dot hides the file on Unix
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if ([...name].length > MAX_LENGTH) name = [...name].slice(0, MAX_LENGTH).join("").trim();
  name = fitBytes(name, MAX_BYTES).trim();
  if (name === "" || RESERVED.test(name)) {
    name = fallback === title ? "report" : safeFileName(fallback, "report");
  }
  return name;
}
