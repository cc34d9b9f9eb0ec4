/**
 * Who edited, as 変更履歴 shows it. Google hides the e-mail of an editor outside the script
 * owner's domain (Session.getActiveUser / e.user give ""): such a person is logged as an
 * unknown editor, never as a blank, and is never taken for a 確認者.
 */
import { formatMessage } from "./i18n";
import type { Lang } from "./schema";

export function editorLabel(email: string, lang: Lang): string {
  return email.trim() === "" ? formatMessage("unknown-editor", {}, lang) : email.trim();
}
