/** What the genki command says when it stops: catalogue messages, never a library's own text. */
import { OFFLINE_MESSAGES, offlineText } from "../domain/i18n";
import type { Lang } from "../domain/schema";
import { OfflineError } from "../office/offline-error";
import { UnreadableFileError } from "./workbook";

/** --lang en anywhere on the command line switches the messages to English. */
export function langOfArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return value === "en" ? "en" : "ja";
}

function isCode(value: unknown): value is keyof typeof OFFLINE_MESSAGES {
  return typeof value === "string" && Object.hasOwn(OFFLINE_MESSAGES, value);
}

/** An OfflineError's message, with any parameter that names a message (a reason) rendered. */
export function offlineErrorText(e: OfflineError, lang: Lang): string {
  const params = Object.fromEntries(
    Object.entries(e.params).map(([k, v]) => [k, isCode(v) ? offlineText(v, e.params, lang) : v]),
  );
  return offlineText(e.code, params, lang);
}

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof OfflineError) return offlineErrorText(e, lang);
  if (e instanceof UnreadableFileError) return e.message;
  return offlineText("unexpected", {}, lang);
}
