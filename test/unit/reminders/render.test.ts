import { describe, expect, it } from "vitest";
import type { Registry } from "../../../src/domain/registry";
import {
  type Digest,
  escapeHtml,
  planDigests,
  renderDigest,
  type SendLogLike,
} from "../../../src/domain/reminders";
import {
  demoRegistry,
  demoSheets,
  registryOf,
  rowOf,
  setCell,
  setDivision,
  setSetting,
  setStatus,
} from "./support";

const URL = "https://docs.google.com/spreadsheets/d/1AbC/edit";

function digestOf(
  registry: Registry,
  today: string,
  division = "人事課",
  log: readonly SendLogLike[] = [],
): Digest {
  const d = planDigests(registry, today, log).digests.find((g) => g.division === division);
  if (!d) throw new Error(`no digest for ${division} on ${today}`);
  return d;
}

describe("renderDigest (ja)", () => {
  it("writes a pre-notice to the division head, with the items, the link and the sender", () => {
    const registry = demoRegistry();
    const mail = renderDigest(digestOf(registry, "2012-10-10"), registry, {
      lang: "ja",
      registryUrl: URL,
    });
    expect(mail.subject).toBe("【進捗報告のお願い】平成24年度 第2四半期（期限 10月15日）");
    expect(mail.senderName).toBe("企画政策課");
    expect(mail.replyTo).toBe("kikaku-seisaku@city.fujieda.example");
    expect(mail.text).toBe(
      [
        "人事課　人事課長 様",
        "",
        "いつもお世話になっております。企画政策課です。",
        "「藤枝市新公共経営実行計画」の進捗報告について、ご連絡いたします。",
        "",
        "下記の取組について、進捗報告の提出期限が近づいております。お忙しいところ恐れ入りますが、期限までにご提出くださいますようお願いいたします。",
        "",
        "■ 6-2　管理部門4課によるPDCA会議を開催して、“選択と集中”の実践を推進",
        "　期：平成24年度 第2四半期",
        "　提出期限：平成24年10月15日(月)（あと3営業日）",
        "　状態：未提出",
        "",
        "台帳の「進捗」シートに実績・評価などをご入力のうえ、状態を「提出済」にしてください。",
        `進捗管理台帳：${URL}`,
        "",
        "ご不明な点がございましたら、企画政策課までお問い合わせください。",
        "どうぞよろしくお願いいたします。",
        "",
        "――――――――――――――――",
        "企画政策課",
        "藤枝市新公共経営実行計画",
        "返信先：kikaku-seisaku@city.fujieda.example",
        "※このメールは進捗管理台帳から自動送信しています。",
      ].join("\n"),
    );
    expect(mail.html).toContain("<p>人事課　人事課長 様</p>");
    for (const h of ["取組ID", "取組内容", "期", "提出期限", "残り営業日／超過営業日", "状態"]) {
      expect(mail.html).toContain(`${h}</th>`);
    }
    expect(mail.html).toContain(">平成24年10月15日(月)</td>");
    expect(mail.html).toContain(">あと3営業日</td>");
    expect(mail.html).toContain(`<a href="${URL}">進捗管理台帳を開く</a>`);
  });

  it("words the due day and overdue mails politely, never saying 督促", () => {
    const registry = demoRegistry();
    const due = renderDigest(digestOf(registry, "2012-10-15"), registry, { lang: "ja" });
    expect(due.subject).toBe(
      "【進捗報告のお願い】平成24年度 第2四半期（本日 10月15日 が提出期限です）",
    );
    expect(due.text).toContain("本日が進捗報告の提出期限となっております。");
    expect(due.text).toContain("提出期限：平成24年10月15日(月)（本日が期限）");

    const late = renderDigest(digestOf(registry, "2012-10-18"), registry, { lang: "ja" });
    expect(late.subject).toBe(
      "【ご提出のお願い】平成24年度 第2四半期（期限 10月15日）期限を過ぎています",
    );
    expect(late.text).toContain("（3営業日超過）");
    expect(late.text).toContain("行き違いとなりましたことをご容赦ください。");
    expect(late.html).toContain('color:#b3261e">3営業日超過</td>');

    // The demo's divisions have no 上位責任者メール: nothing is copied, and the mail says nothing of it.
    const escalated = renderDigest(digestOf(registry, "2012-10-29"), registry, { lang: "ja" });
    expect(escalated.subject).toBe(
      "【重要・再度のお願い】平成24年度 第2四半期（期限 10月15日）提出期限から日数が経過しています",
    );
    expect(escalated.text).not.toContain("写し");

    for (const m of [due, late, escalated]) {
      expect(m.subject + m.text + m.html).not.toMatch(/督促|エスカレーション/);
    }
    // No link was given: none is shown.
    expect(late.text).not.toContain("進捗管理台帳：");
    expect(late.html).not.toContain("<a ");
  });

  it("names several periods as ほか, and asks again for 差戻し reports", () => {
    const sheets = demoSheets();
    setStatus(sheets, "1-1", "第2四半期", "差戻し");
    const registry = registryOf(sheets);
    const mail = renderDigest(digestOf(registry, "2013-01-15"), registry, { lang: "ja" });
    expect(mail.subject).toBe(
      "【重要・再度のお願い】平成24年度 第2四半期ほか（期限 10月15日）提出期限から日数が経過しています",
    );
    expect(mail.text).toContain("あわせて、提出期限が近い取組もお知らせいたします。");
    expect(mail.text).toContain("状態が「差戻し」の取組は");
    expect(mail.text).toContain("　状態：差戻し");
    expect(mail.text).toContain("　提出期限：平成25年1月18日(金)（あと3営業日）");
  });

  it("tells of the copy to the 上位責任者 only when one is sent, in the subject and the body", () => {
    const sheets = demoSheets();
    setDivision(sheets, "人事課", "escalationEmail", "jinji-bucho@city.fujieda.example");
    const registry = registryOf(sheets);
    const digest = digestOf(registry, "2012-10-29");
    expect(digest).toMatchObject({
      kind: "エスカレーション",
      escalationCopy: "jinji-bucho@city.fujieda.example",
    });
    expect(digest.cc).toContain("jinji-bucho@city.fujieda.example");
    const ja = renderDigest(digest, registry, { lang: "ja" });
    expect(ja.subject).toBe(
      "【重要・再度のお願い】平成24年度 第2四半期（期限 10月15日）提出期限から日数が経過しています（上位責任者の方にも写しを送付）",
    );
    expect(ja.text).toContain("上位責任者の方にも写しをお送りしております。");
    const en = renderDigest(digest, registry, { lang: "en" });
    expect(en.subject).toBe(
      "[Escalation] FY2012 Q2 (due 2012-10-15) is long overdue (copied to the senior manager)",
    );
    const plain = renderDigest(digestOf(demoRegistry(), "2012-10-29"), demoRegistry(), {
      lang: "en",
    });
    expect(plain.subject).toBe("[Escalation] FY2012 Q2 (due 2012-10-15) is long overdue");
    expect(plain.text).not.toContain("copy of this message");
  });

  it("addresses 所属長 when the head is not named", () => {
    const sheets = demoSheets();
    setDivision(sheets, "人事課", "head", "");
    const registry = registryOf(sheets);
    const mail = renderDigest(digestOf(registry, "2012-10-10"), registry, { lang: "ja" });
    expect(mail.text.split("\n")[0]).toBe("人事課　所属長 様");
  });
});

describe("renderDigest: HTML escaping", () => {
  it("escapes every value from the registry", () => {
    const sheets = demoSheets();
    const attack = `<script>alert("x")</script> & 'y'`;
    setCell(sheets, "measures", rowOf(sheets, "measures", { measureId: "6-2" }), "content", attack);
    setDivision(sheets, "人事課", "head", `課長<img src=x onerror=alert(1)>`);
    setSetting(sheets, "送信者名", "企画<b>政策</b>課");
    setSetting(sheets, "計画名", `計画 "A" & <B>`);
    const registry = registryOf(sheets);
    const mail = renderDigest(digestOf(registry, "2012-10-10"), registry, {
      lang: "ja",
      registryUrl: URL,
    });
    expect(mail.html).not.toMatch(/<script|<img|<b>|<B>/);
    expect(mail.html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
    );
    expect(mail.html).toContain("課長&lt;img src=x onerror=alert(1)&gt; 様");
    expect(mail.html).toContain("企画&lt;b&gt;政策&lt;/b&gt;課");
    expect(mail.html).toContain("「計画 &quot;A&quot; &amp; &lt;B&gt;」");
    // The plain text keeps the values as written.
    expect(mail.text).toContain(attack);
  });

  it("links only http(s) addresses", () => {
    const registry = demoRegistry();
    const digest = digestOf(registry, "2012-10-10");
    const js = renderDigest(digest, registry, { lang: "ja", registryUrl: "javascript:alert(1)" });
    expect(js.html).not.toContain("javascript:");
    expect(js.text).not.toContain("javascript:");
    const quoted = renderDigest(digest, registry, {
      lang: "ja",
      registryUrl: 'https://example.com/"><script>',
    });
    expect(quoted.html).not.toContain("<script>");
  });

  it("escapeHtml", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
  });
});

describe("renderDigest (en)", () => {
  it("writes the same mail in English", () => {
    const registry = demoRegistry();
    const pre = renderDigest(digestOf(registry, "2012-10-10"), registry, {
      lang: "en",
      registryUrl: URL,
    });
    expect(pre.subject).toBe("[Progress report request] FY2012 Q2 (due 2012-10-15)");
    expect(pre.text).toContain("Dear 人事課長 (人事課),");
    expect(pre.text).toContain("The progress reports listed below are due soon.");
    expect(pre.text).toContain("  Due: 2012-10-15 (Mon) (3 business days left)");
    expect(pre.text).toContain("  Status: Not submitted");
    expect(pre.text).toContain(`Registry: ${URL}`);
    expect(pre.html).toContain('<html lang="en">');
    expect(pre.html).toContain("Business days left / overdue</th>");
    expect(pre.html).toContain(`<a href="${URL}">Open the registry</a>`);

    const due = renderDigest(digestOf(registry, "2012-10-15"), registry, { lang: "en" });
    expect(due.subject).toBe("[Progress report request] FY2012 Q2 is due today (2012-10-15)");
    // 10-16 is no reminder day, but a digest deferred on 10-15 is owed.
    const deferred = [{ key: "2012-10-15|人事課|期限当日", result: "保留" }];
    const late = renderDigest(digestOf(registry, "2012-10-16", "人事課", deferred), registry, {
      lang: "en",
    });
    expect(late.subject).toBe("[Kind reminder] FY2012 Q2 (due 2012-10-15) is past due");
    expect(late.text).toContain("(1 business day overdue)");
    expect(late.text).toContain("If you have already submitted them, please accept our apologies");
  });
});
