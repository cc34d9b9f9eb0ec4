/**
 * The answer file in a reminder: a link when it is a Google Sheet, an attachment when it is an
 * .xlsx on disk (offline). Which periods a digest covers decides which files are meant.
 */
import { escapeHtml } from "../html";
import { surveyText } from "../i18n";
import type { Lang } from "../schema";
import type { SurveyFileRef } from "./outputs";

export interface AnswerFileNote {
  readonly text: string;
  readonly html: string;
  /** files to attach (paths), offline only */
  readonly attachments: readonly { readonly filename: string; readonly path: string }[];
}

const isLink = (url: string) => /^https:\/\//i.test(url);

export function answerFileNote(
  refs: readonly SurveyFileRef[],
  lang: Lang,
): AnswerFileNote | undefined {
  if (refs.length === 0) return undefined;
  const text: string[] = [];
  const html: string[] = [];
  const attachments: { filename: string; path: string }[] = [];
  for (const r of refs) {
    if (isLink(r.url)) {
      const line = surveyText("mailLink", lang, { name: r.name });
      text.push(`${line}\n${r.url}`);
      html.push(
        `<p>${escapeHtml(line)}<br>\n<a href="${escapeHtml(r.url)}">${escapeHtml(r.name)}</a></p>`,
      );
    } else {
      const filename = r.url.split(/[\\/]/).pop() ?? `${r.name}.xlsx`;
      const line = surveyText("mailAttached", lang, { name: filename });
      text.push(line);
      html.push(`<p>${escapeHtml(line)}</p>`);
      attachments.push({ filename, path: r.url });
    }
  }
  return { text: text.join("\n"), html: html.join("\n"), attachments };
}
