/** Message rendering: ja by default, en when 設定 言語 is en. */
import type { Lang } from "../schema";
import { MESSAGES as CELL_MESSAGES } from "./catalogue";
import { GAS_MESSAGES } from "./gas-messages";
import { OFFLINE_MESSAGES } from "./offline-messages";
import { SUBMISSION_MESSAGES } from "./submission-messages";
import { SURVEY_MESSAGES } from "./survey-messages";
import { VALIDATE_MESSAGES } from "./validate-messages";

export { type SurveyTextKey, surveyText } from "./survey-messages";

export const MESSAGES = {
  ...CELL_MESSAGES,
  ...VALIDATE_MESSAGES,
  ...SURVEY_MESSAGES,
  ...GAS_MESSAGES,
  ...SUBMISSION_MESSAGES,
};
export type MessageCode = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;

export function formatMessage(code: MessageCode, params: MessageParams, lang: Lang): string {
  const template = MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Joins choices for a message: 「A」「B」「C」 in Japanese, “A”, “B”, “C” in English. */
export function listChoices(values: readonly string[], lang: Lang): string {
  return lang === "ja"
    ? values.map((v) => `「${v}」`).join("")
    : values.map((v) => `“${v}”`).join(", ");
}

export { OFFLINE_MESSAGES };
export type OfflineMessageCode = keyof typeof OFFLINE_MESSAGES;

/** A message of the offline command, in the language asked for. */
export function offlineText(code: OfflineMessageCode, params: MessageParams, lang: Lang): string {
  return OFFLINE_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
