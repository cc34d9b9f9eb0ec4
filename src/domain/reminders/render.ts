/**
 * A digest as an e-mail: subject, plain text and HTML, in polite 敬体 Japanese (or English).
 * Every value that comes from the registry is escaped in the HTML; the subject carries only
 * derived values (year, period, date), never user text, so it cannot break a header.
 */
import { formatJapaneseDate, parts } from "../calendar";
import { escapeHtml } from "../html";
import type { Registry } from "../registry";
import { DEFAULT_DIGEST_LIMIT, type Lang } from "../schema";
import type { OwedItem, OwedStatus } from "./owed";
import type { Digest } from "./plan";

export interface RenderOptions {
  /** link to the registry (the spreadsheet's URL); shown only when it is http(s) */
  readonly registryUrl?: string;
  readonly lang: Lang;
  /** a paragraph about the division's answer file (照会ファイル), already worded and escaped */
  readonly answerFile?: { readonly text: string; readonly html: string };
  /** where the whole list is, when the digest is capped: a link to the division's view (GAS) */
  readonly listUrl?: string;
  /** or the name of the attached .xlsx holding every item (offline) */
  readonly attachmentName?: string;
}

/** 設定 ダイジェスト最大件数 when unset or unusable */
export const DEFAULT_DIGEST_MAX_ITEMS = DEFAULT_DIGEST_LIMIT;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** 送信者名 (or a default), for the From name */
  readonly senderName: string;
  /** 返信先, "" when not set */
  readonly replyTo: string;
  /** items left out of the lists by the cap (ダイジェスト最大件数) */
  readonly omitted: number;
}

export { escapeHtml } from "../html";

const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim();

function safeUrl(url: string | undefined): string | undefined {
  const u = (url ?? "").trim();
  return /^https?:\/\/[^\s<>"']+$/i.test(u) ? u : undefined;
}

interface Words {
  /** `copied`: a copy goes to the 上位責任者 (an escalation with 上位責任者メール) */
  readonly subject: (kind: Digest["kind"], period: string, due: string, copied: boolean) => string;
  readonly salutation: (division: string, head: string) => string;
  readonly greeting: (sender: string, plan: string) => string;
  readonly lead: Readonly<Record<Digest["kind"], string>>;
  readonly alsoDueSoon: string;
  readonly escalated: string;
  readonly returned: string;
  readonly headers: readonly [string, string, string, string, string, string];
  readonly days: (left: number) => string;
  readonly status: Readonly<Record<OwedStatus, string>>;
  readonly labels: { readonly period: string; readonly due: string; readonly status: string };
  readonly howTo: string;
  readonly link: string;
  readonly openLink: string;
  readonly closing: (sender: string) => string;
  readonly replyTo: string;
  readonly automatic: string;
  readonly defaultSender: string;
  readonly andOthers: string;
  readonly rest: (n: number, where: { url?: string; attachment?: string }) => string;
  readonly more: (n: number) => string;
  readonly openList: string;
  readonly date: (d: string) => string;
  readonly shortDate: (d: string) => string;
}

const OVERDUE_JA =
  "下記の取組について、進捗報告の提出期限を過ぎております。ご多忙のところ誠に恐れ入りますが、お早めにご提出くださいますようお願いいたします。なお、既にご提出いただいている場合は、行き違いとなりましたことをご容赦ください。";
const OVERDUE_EN =
  "The progress reports listed below are past their due date. We appreciate how busy you are and would be grateful if you could submit them at your earliest convenience. If you have already submitted them, please accept our apologies and disregard this message.";

const JA: Words = {
  subject: (kind, period, due, copied) => {
    switch (kind) {
      case "事前通知":
        return `【進捗報告のお願い】${period}（期限 ${due}）`;
      case "期限当日":
        return `【進捗報告のお願い】${period}（本日 ${due} が提出期限です）`;
      case "エスカレーション":
        return `【重要・再度のお願い】${period}（期限 ${due}）提出期限から日数が経過しています${copied ? "（上位責任者の方にも写しを送付）" : ""}`;
      default:
        return `【ご提出のお願い】${period}（期限 ${due}）期限を過ぎています`;
    }
  },
  salutation: (division, head) => `${division}　${head === "" ? "所属長" : head} 様`,
  greeting: (sender, plan) =>
    `いつもお世話になっております。${sender}です。\n${plan === "" ? "計画" : `「${plan}」`}の進捗報告について、ご連絡いたします。`,
  lead: {
    事前通知:
      "下記の取組について、進捗報告の提出期限が近づいております。お忙しいところ恐れ入りますが、期限までにご提出くださいますようお願いいたします。",
    期限当日:
      "下記の取組について、本日が進捗報告の提出期限となっております。お忙しいところ恐れ入りますが、本日中のご提出にご協力をお願いいたします。",
    督促: OVERDUE_JA,
    エスカレーション: OVERDUE_JA,
  },
  alsoDueSoon: "あわせて、提出期限が近い取組もお知らせいたします。",
  escalated:
    "提出期限から日数が経っておりますため、本メールは上位責任者の方にも写しをお送りしております。",
  returned:
    "状態が「差戻し」の取組は、確認時のご連絡内容をご確認のうえ、修正して再度ご提出ください。",
  headers: ["取組ID", "取組内容", "期", "提出期限", "残り営業日／超過営業日", "状態"],
  days: (left) =>
    left > 0 ? `あと${left}営業日` : left === 0 ? "本日が期限" : `${-left}営業日超過`,
  status: { 未提出: "未提出", 差戻し: "差戻し" },
  labels: { period: "期", due: "提出期限", status: "状態" },
  howTo: "台帳の「進捗」シートに実績・評価などをご入力のうえ、状態を「提出済」にしてください。",
  link: "進捗管理台帳",
  openLink: "進捗管理台帳を開く",
  closing: (sender) =>
    `ご不明な点がございましたら、${sender}までお問い合わせください。\nどうぞよろしくお願いいたします。`,
  replyTo: "返信先",
  automatic: "※このメールは進捗管理台帳から自動送信しています。",
  defaultSender: "計画担当課",
  andOthers: "ほか",
  more: (n) => `ほかに ${n} 件の取組があります。`,
  openList: "所属の取組の一覧を開く",
  rest: (n, { url, attachment }) =>
    `ほかに ${n} 件の取組があります。${
      url
        ? `すべての一覧は次のリンクからご覧ください：${url}`
        : attachment
          ? `すべての一覧は添付の「${attachment}」をご覧ください。`
          : "すべての一覧は台帳の「進捗」シートでご確認ください。"
    }`,
  date: (d) => formatJapaneseDate(d, "ja", { weekday: true }),
  shortDate: (d) => {
    const { m, d: day } = parts(d);
    return `${m}月${day}日`;
  },
};

const EN: Words = {
  subject: (kind, period, due, copied) => {
    switch (kind) {
      case "事前通知":
        return `[Progress report request] ${period} (due ${due})`;
      case "期限当日":
        return `[Progress report request] ${period} is due today (${due})`;
      case "エスカレーション":
        return `[Escalation] ${period} (due ${due}) is long overdue${copied ? " (copied to the senior manager)" : ""}`;
      default:
        return `[Kind reminder] ${period} (due ${due}) is past due`;
    }
  },
  salutation: (division, head) =>
    head === "" ? `Dear Head of ${division},` : `Dear ${head} (${division}),`,
  greeting: (sender, plan) =>
    `This is ${sender}, writing about progress reports for ${plan === "" ? "the plan" : `“${plan}”`}.`,
  lead: {
    事前通知:
      "The progress reports listed below are due soon. We would be grateful if you could submit them by the due date.",
    期限当日:
      "The progress reports listed below are due today. We would be grateful if you could submit them by the end of the day.",
    督促: OVERDUE_EN,
    エスカレーション: OVERDUE_EN,
  },
  alsoDueSoon: "Reports that are due soon are listed as well.",
  escalated:
    "As some time has passed since the due date, a copy of this message has also been sent to the senior manager responsible.",
  returned:
    "Reports marked “Returned for revision” were sent back after review; please revise them and submit them again.",
  headers: [
    "Measure ID",
    "Measure",
    "Period",
    "Due date",
    "Business days left / overdue",
    "Status",
  ],
  days: (left) => {
    const n = Math.abs(left);
    const unit = n === 1 ? "business day" : "business days";
    return left > 0 ? `${n} ${unit} left` : left === 0 ? "Due today" : `${n} ${unit} overdue`;
  },
  status: { 未提出: "Not submitted", 差戻し: "Returned for revision" },
  labels: { period: "Period", due: "Due", status: "Status" },
  howTo:
    "Please enter the report on the 進捗 (Progress) sheet of the registry and set its status to 提出済 (Submitted).",
  link: "Registry",
  openLink: "Open the registry",
  closing: (sender) =>
    `If you have any questions, please contact ${sender}.\nThank you very much for your cooperation.`,
  replyTo: "Reply to",
  automatic: "This message was sent automatically from the plan registry.",
  defaultSender: "the planning division",
  andOthers: " and others",
  more: (n) => `${n} more ${n === 1 ? "measure is" : "measures are"} not listed here.`,
  openList: "Open the full list",
  rest: (n, { url, attachment }) =>
    `${n} more ${n === 1 ? "measure is" : "measures are"} not listed here. ${
      url
        ? `See the full list: ${url}`
        : attachment
          ? `See the attached “${attachment}” for the full list.`
          : "See the 進捗 (Progress) sheet of the registry for the full list."
    }`,
  date: (d) => formatJapaneseDate(d, "en", { weekday: true }),
  shortDate: (d) => d,
};

interface Row {
  readonly item: OwedItem;
  readonly cells: readonly [string, string, string, string, string, string];
}

function rowsOf(digest: Digest, w: Words, lang: Lang): Row[] {
  return digest.items.map((item) => ({
    item,
    cells: [
      item.measureId,
      item.content,
      item.periodLabel[lang],
      w.date(item.dueDate),
      w.days(item.businessDaysLeft),
      w.status[item.status],
    ],
  }));
}

function textItems(rows: readonly Row[], w: Words, lang: Lang): string {
  const sep = lang === "ja" ? "：" : ": ";
  const indent = lang === "ja" ? "　" : "  ";
  return rows
    .map(({ cells: [id, content, period, due, days, status] }) =>
      [
        `■ ${oneLine(id)}${lang === "ja" ? "　" : " "}${oneLine(content)}`,
        `${indent}${w.labels.period}${sep}${period}`,
        `${indent}${w.labels.due}${sep}${due}${lang === "ja" ? `（${days}）` : ` (${days})`}`,
        `${indent}${w.labels.status}${sep}${status}`,
      ].join("\n"),
    )
    .join("\n\n");
}

const CELL = "border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left";

function htmlTable(rows: readonly Row[], w: Words): string {
  const head = w.headers
    .map((h) => `<th style="${CELL};background:#eef3fb;white-space:nowrap">${escapeHtml(h)}</th>`)
    .join("");
  const body = rows
    .map(({ item, cells }) => {
      const tds = cells.map((c, i) => {
        const overdue = i === 4 && item.businessDaysLeft < 0;
        const style = `${CELL}${i === 1 ? "" : ";white-space:nowrap"}${overdue ? ";color:#b3261e" : ""}`;
        return `<td style="${style}">${escapeHtml(c).replace(/\r?\n/g, "<br>")}</td>`;
      });
      return `<tr>${tds.join("")}</tr>`;
    })
    .join("\n");
  return `<table style="border-collapse:collapse;font-size:14px">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const para = (text: string): string => `<p>${escapeHtml(text).replace(/\r?\n/g, "<br>\n")}</p>`;

/** Every item of a digest as a table (header first), for the attachment of a capped digest. */
export function digestTable(digest: Digest, lang: Lang): string[][] {
  const w = lang === "en" ? EN : JA;
  return [[...w.headers], ...rowsOf(digest, w, lang).map((r) => [...r.cells])];
}

/** The attachment's file name: the division and the day, safe on every file system. */
export function digestTableName(digest: Digest, lang: Lang): string {
  const division = digest.division.replace(/[\\/:*?"<>|\s]+/g, "_");
  return `${division}_${lang === "en" ? "open-reports" : "未提出一覧"}_${digest.date}.xlsx`;
}

/** ダイジェスト最大件数 as a usable cap (a positive whole number). */
function capOf(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.trunc(value) : DEFAULT_DIGEST_MAX_ITEMS;
}

/** The subject and bodies of a digest; at most ダイジェスト最大件数 items are listed. */
export function renderDigest(
  digest: Digest,
  registry: Pick<Registry, "settings">,
  opts: RenderOptions,
): RenderedMail {
  const lang = opts.lang;
  const w = lang === "en" ? EN : JA;
  const { settings } = registry;
  const sender = oneLine(settings.senderName) || w.defaultSender;
  const plan = oneLine(settings.planName);
  const replyTo = settings.replyTo.trim();
  const url = safeUrl(opts.registryUrl);

  const first = digest.items[0];
  const periods = new Set(digest.items.map((i) => `${i.fy}|${i.periodIndex}`));
  const periodText = first
    ? `${first.periodLabel[lang]}${periods.size > 1 ? w.andOthers : ""}`
    : "";
  const copied = digest.kind === "エスカレーション" && digest.escalationCopy !== null;
  const subject = w.subject(digest.kind, periodText, w.shortDate(digest.earliestDue), copied);

  const overdue = digest.kind === "督促" || digest.kind === "エスカレーション";
  const notes = [
    w.lead[digest.kind],
    ...(overdue && digest.items.some((i) => i.businessDaysLeft > 0) ? [w.alsoDueSoon] : []),
    // Say a copy went to the 上位責任者 only when one really does.
    ...(copied ? [w.escalated] : []),
    ...(digest.items.some((i) => i.status === "差戻し") ? [w.returned] : []),
  ];
  const before = [
    w.salutation(oneLine(digest.division), oneLine(digest.head)),
    w.greeting(sender, plan),
    notes.join("\n"),
  ];
  const after = [
    url ? `${w.howTo}\n${w.link}${lang === "ja" ? "：" : ": "}${url}` : w.howTo,
    ...(opts.answerFile ? [opts.answerFile.text] : []),
    w.closing(sender),
  ];
  const signature = [
    sender,
    ...(plan === "" ? [] : [plan]),
    ...(replyTo === "" ? [] : [`${w.replyTo}${lang === "ja" ? "：" : ": "}${replyTo}`]),
    w.automatic,
  ];

  const max = capOf(settings.digestMaxItems);
  const allRows = rowsOf(digest, w, lang);
  const rows = allRows.slice(0, max);
  const omitted = allRows.length - rows.length;
  const listUrl = safeUrl(opts.listUrl);
  const restText =
    omitted > 0
      ? w.rest(omitted, {
          ...(listUrl ? { url: listUrl } : {}),
          ...(opts.attachmentName ? { attachment: oneLine(opts.attachmentName) } : {}),
        })
      : "";
  const text = [
    ...before,
    textItems(rows, w, lang),
    ...(restText === "" ? [] : [restText]),
    ...after,
    `${lang === "ja" ? "―".repeat(16) : "-".repeat(32)}\n${signature.join("\n")}`,
  ].join("\n\n");

  const linkHtml = url
    ? `<p>${escapeHtml(w.howTo)}<br>\n<a href="${escapeHtml(url)}">${escapeHtml(w.openLink)}</a></p>`
    : para(w.howTo);
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;font-size:14px;line-height:1.6;color:#202124">',
    ...before.map(para),
    htmlTable(rows, w),
    ...(omitted === 0
      ? []
      : [
          listUrl
            ? `<p>${escapeHtml(w.more(omitted))}<br>\n<a href="${escapeHtml(listUrl)}">${escapeHtml(w.openList)}</a></p>`
            : para(restText),
        ]),
    linkHtml,
    ...(opts.answerFile ? [opts.answerFile.html] : []),
    para(w.closing(sender)),
    `<hr style="border:none;border-top:1px solid #ccc">`,
    `<p style="color:#5f6368;font-size:12px">${signature.map(escapeHtml).join("<br>\n")}</p>`,
    "</body></html>",
  ].join("\n");

  return { subject, text, html, senderName: sender, replyTo, omitted };
}
