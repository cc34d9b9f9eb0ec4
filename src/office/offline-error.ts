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
