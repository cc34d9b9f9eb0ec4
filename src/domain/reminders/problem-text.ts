/** Why a division's digest cannot go (or goes without its CC), as people read it. */
import type { Lang } from "../schema";
import type { DigestProblemReason } from "./plan";

const TEXT: Readonly<Record<DigestProblemReason, { ja: string; en: string }>> = {
  "no-division": {
    ja: "所属シートに登録されていないため送信できません。所属シートに追加してください。",
    en: "is not on the Divisions sheet, so nothing can be sent. Add it there.",
  },
  "no-email": {
    ja: "メールアドレスが未登録か正しくないため送信できません。所属シートのメールをご確認ください。",
    en: "has no valid e-mail address, so nothing can be sent. Check the Divisions sheet.",
  },
  "no-escalation-email": {
    ja: "上位責任者メールが未登録のため、CC なしで送信します。",
    en: "has no escalation address, so the reminder goes without it on CC.",
  },
};

export function digestProblemText(reason: DigestProblemReason, lang: Lang): string {
  return TEXT[reason][lang];
}
