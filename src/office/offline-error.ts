/** An error the offline command shows as a message from the catalogue (exit code 2). */
import type { MessageParams, OfflineMessageCode } from "../domain/i18n";

export class OfflineError extends Error {
  constructor(
    readonly code: OfflineMessageCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

/** The errno code of a Node error, if any. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * What stopped writing an output file (a deck, a report) as a message: the disk full, no
 * permission (or, on Windows, the file open in PowerPoint or Word), else the errno code.
 */
export function outputWriteFailure(file: string, e: unknown): Error {
  const code = errnoCode(e);
  if (e instanceof OfflineError || code === undefined)
    return e instanceof Error ? e : new Error(String(e));
  const reason =
    code === "ENOSPC" || code === "EDQUOT"
      ? "save-reason-disk-full"
      : code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "EBUSY"
        ? "save-reason-permission"
        : "save-reason-other";
  return new OfflineError("output-write-failed", { file, reason, code });
}
