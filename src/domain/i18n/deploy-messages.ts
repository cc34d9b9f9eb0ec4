/**
 * Messages of `genki deploy` / `genki download` (src/deploy, src/cli). Same conventions as
 * catalogue.ts: 敬体, and every failure says what to do next. {step} is one of the deploy-step-*
 * texts, already rendered in the same language.
 */
import type { Lang } from "../schema";

export const DEPLOY_MESSAGES = {
  "deploy-step-upload": {
    ja: "スプレッドシートのアップロード",
    en: "uploading the spreadsheet",
  },
  "deploy-step-project": {
    ja: "Apps Script プロジェクトの作成",
    en: "creating the Apps Script project",
  },
  "deploy-step-content": {
    ja: "スクリプト（Code.js と appsscript.json）の書き込み",
    en: "uploading the script (Code.js and appsscript.json)",
  },
  "deploy-step-export": {
    ja: "スプレッドシートの書き出し",
    en: "exporting the spreadsheet",
  },
  "deploy-step-delete": {
    ja: "途中で作成したスプレッドシートの削除",
    en: "removing the half-made spreadsheet",
  },
  "deploy-failed-at": {
    ja: "{step}に失敗しました。{reason}",
    en: "Failed while {step}. {reason}",
  },
  "deploy-not-logged-in": {
    ja: "Google にログインしていません。`npx clasp login` を実行してログインしてから、もう一度実行してください（または環境変数 GENKI_ACCESS_TOKEN にアクセストークンを設定してください）。",
    en: "You are not logged in to Google. Run `npx clasp login`, then run this again (or set GENKI_ACCESS_TOKEN to an access token).",
  },
  "deploy-login-unreadable": {
    ja: "ログイン情報 {file} を読み取れません。`npx clasp login` をやり直してから、もう一度実行してください。",
    en: "The login file {file} cannot be read. Run `npx clasp login` again, then run this again.",
  },
  "deploy-unauthorised": {
    ja: "Google のログインが無効か期限切れです。`npx clasp login` をやり直してから、もう一度実行してください（GENKI_ACCESS_TOKEN を使っている場合は新しいトークンを設定してください）。",
    en: "Your Google login is invalid or has expired. Run `npx clasp login` again (or set a fresh GENKI_ACCESS_TOKEN), then run this again.",
  },
  "deploy-script-api-off": {
    ja: "このアカウントでは Apps Script API がオフになっています。https://script.google.com/home/usersettings を開いて「Google Apps Script API」をオンにし、数分待ってからもう一度実行してください。",
    en: "The Apps Script API is switched off for this account. Open https://script.google.com/home/usersettings, turn “Google Apps Script API” on, wait a few minutes and run this again.",
  },
  "deploy-cloud-api-off": {
    ja: "このアクセストークンの Google Cloud プロジェクトでは {api} が有効になっていません。Google Cloud コンソールの「API とサービス」で {api} を有効にしてから、もう一度実行してください。",
    en: "{api} is not enabled in the Google Cloud project of this access token. Enable {api} under “APIs & Services” in the Google Cloud console, then run this again.",
  },
  "deploy-forbidden": {
    ja: "Google が操作を許可しませんでした（HTTP 403）。このアカウントで Google ドライブにファイルを作成できるか、組織の管理者が Apps Script や外部アプリの利用を制限していないかを確認してください。",
    en: "Google refused the request (HTTP 403). Check that this account may create files in Google Drive and that your organisation does not restrict Apps Script or third-party apps.",
  },
  "deploy-not-found": {
    ja: "{id} が見つからないか、このログインでは開けません（HTTP 404）。ID を確認してください。`npx clasp login` のログインで開けるのは genki deploy が作成したファイルだけです。ほかのスプレッドシートは、Drive の読み取り権限のあるアクセストークンを GENKI_ACCESS_TOKEN に設定して実行してください。",
    en: "{id} was not found or cannot be opened with this login (HTTP 404). Check the ID. The `npx clasp login` login can open only files that genki deploy created; for other spreadsheets set GENKI_ACCESS_TOKEN to an access token that may read Drive.",
  },
  "deploy-rate-limited": {
    ja: "Google の利用上限（短時間のリクエスト数）に達しました（HTTP 429、{attempts} 回試行）。数分待ってからもう一度実行してください。",
    en: "Google's rate limit was reached (HTTP 429, {attempts} attempts). Wait a few minutes and run this again.",
  },
  "deploy-server-error": {
    ja: "Google 側で一時的なエラーが起きました（HTTP {status}、{attempts} 回試行）。しばらく待ってからもう一度実行してください。",
    en: "Google had a temporary error (HTTP {status}, {attempts} attempts). Wait a while and run this again.",
  },
  "deploy-network": {
    ja: "Google（{host}）に接続できませんでした（{attempts} 回試行）。ネットワーク接続とプロキシの設定を確認してから、もう一度実行してください。",
    en: "Could not connect to Google ({host}; {attempts} attempts). Check the network connection and proxy settings, then run this again.",
  },
  "deploy-export-too-large": {
    ja: "このスプレッドシートは Google の書き出し上限（10 MB）を超えています。Google スプレッドシートで「ファイル」→「ダウンロード」→「Microsoft Excel (.xlsx)」を使ってください。",
    en: "This spreadsheet is larger than Google's export limit (10 MB). Use File → Download → Microsoft Excel (.xlsx) in Google Sheets instead.",
  },
  "deploy-rejected": {
    ja: "Google が要求を受け付けませんでした（HTTP {status}、理由: {reason}）。genki の不具合の可能性があります。この表示を添えて担当者に連絡してください。",
    en: "Google rejected the request (HTTP {status}, reason: {reason}). This may be a bug in genki; please report it with this message.",
  },
  "deploy-rolled-back": {
    ja: "途中で作成したスプレッドシートは削除しました。問題を解決したら、もう一度実行してください。",
    en: "The spreadsheet created on the way has been removed. Fix the problem and run this again.",
  },
  "deploy-left-behind": {
    ja: "途中で作成したスプレッドシート「{title}」（{url}）を削除できませんでした。Google ドライブで削除してから、もう一度実行してください。",
    en: "The spreadsheet “{title}” created on the way ({url}) could not be removed. Delete it in Google Drive, then run this again.",
  },
  "deploy-bundle-missing": {
    ja: "{file} がありません。`npm run build` を実行してから、もう一度実行してください。",
    en: "{file} is missing. Run `npm run build`, then run this again.",
  },
  "deploy-build-failed": {
    ja: "スクリプトのビルドに失敗しました。`npm run build` を実行して表示されるエラーを直してから、もう一度実行してください。",
    en: "Building the script failed. Run `npm run build`, fix the errors it shows, then run this again.",
  },
  "deploy-clasp-json-exists": {
    ja: "{file} には既にスクリプト {scriptId} が書かれています。そのスクリプトを更新するなら `genki deploy --update`、新しいスプレッドシートを作るなら --force を付けて実行してください（{file} は新しいスクリプトに書き換わります）。",
    en: "{file} already names the script {scriptId}. To update that script run `genki deploy --update`; to create a new spreadsheet add --force ({file} will then name the new script).",
  },
  "deploy-clasp-json-missing": {
    ja: "{file} が見つからないか、scriptId が書かれていません。先に `genki deploy` でスプレッドシートを作成するか、{file} に scriptId を書いてください。",
    en: "{file} is missing or names no scriptId. Create the spreadsheet with `genki deploy` first, or write the scriptId into {file}.",
  },
  "deploy-bad-api-root": {
    ja: "--api-root「{value}」は URL として読めません。http:// または https:// で始まる URL を指定してください。",
    en: "--api-root “{value}” is not a URL. Give a URL starting with http:// or https://.",
  },
  "deploy-bad-lang": {
    ja: "--lang には ja か en を指定してください。",
    en: "--lang must be ja or en.",
  },
  "deploy-retrying": {
    ja: "Google が一時的に応答できません（{status}）。{seconds} 秒後に再試行します（{attempt}/{max}）。",
    en: "Google cannot answer right now ({status}). Retrying in {seconds} s ({attempt}/{max}).",
  },
  "deploy-progress": {
    ja: "{step}…",
    en: "{step}…",
  },
  "deploy-done": {
    ja: "Google スプレッドシートを作成しました: {url}",
    en: "Created the Google Sheet: {url}",
  },
  "deploy-next-step": {
    ja: "残りは1つだけです: このスプレッドシートを開き、メニュー「計画管理」→「初期設定」を実行してください（初回は Google が権限の許可を求めます）。",
    en: "One step is left: open the spreadsheet and run 計画管理 → 初期設定 (Setup); the first time, Google asks you to authorise the script.",
  },
  "deploy-clasp-json-written": {
    ja: "{file} にスクリプト ID を書き込みました（以後は `npm run push` または `genki deploy --update` でスクリプトを更新できます）。",
    en: "Wrote the script ID to {file} (later builds go up with `npm run push` or `genki deploy --update`).",
  },
  "deploy-clasp-json-unwritable": {
    ja: "{file} に書き込めませんでした。スプレッドシートは使えますが、後でスクリプトを更新するには {file} の scriptId に {scriptId} を書いてください。",
    en: "Could not write {file}. The spreadsheet works; to update its script later, put {scriptId} as scriptId in {file}.",
  },
  "deploy-updated": {
    ja: "スクリプト {scriptId} を最新のビルドに更新しました。スプレッドシートを再読み込みすると反映されます。",
    en: "Updated the script {scriptId} to the latest build. Reload the spreadsheet to use it.",
  },
  "deploy-dry-run": {
    ja: "--dry-run: 次の {count} 件のリクエストを送信します（実際には何も送信していません）。",
    en: "--dry-run: these {count} requests would be sent (nothing was sent).",
  },
  "deploy-dry-run-login": {
    ja: "ログイン: {login}",
    en: "Login: {login}",
  },
  "deploy-login-token": {
    ja: "環境変数 GENKI_ACCESS_TOKEN",
    en: "the GENKI_ACCESS_TOKEN environment variable",
  },
  "deploy-login-clasp": {
    ja: "`npx clasp login` のログイン（{file}）",
    en: "the `npx clasp login` login ({file})",
  },
  "deploy-login-none": {
    ja: "未ログイン（実際に実行する前に `npx clasp login` を実行してください）",
    en: "not logged in (run `npx clasp login` before running this for real)",
  },
  "download-bad-id": {
    ja: "「{value}」はスプレッドシートの URL または ID として読めません。https://docs.google.com/spreadsheets/d/（ID）/edit の形の URL を指定してください。",
    en: "“{value}” is not a spreadsheet URL or ID. Give a URL of the form https://docs.google.com/spreadsheets/d/(ID)/edit.",
  },
  "download-write-failed": {
    ja: "{file} に書き込めません。書き込める場所を --out に指定してください。",
    en: "Cannot write {file}. Give a writable place with --out.",
  },
  "download-not-xlsx": {
    ja: "--out には .xlsx で終わるファイル名を指定してください（例: --out 登録簿.xlsx）。",
    en: "--out must be a file name ending in .xlsx (e.g. --out registry.xlsx).",
  },
  "download-done": {
    ja: "{file} に書き出しました（{size} KB）。`genki validate {file}` で内容を確認できます。",
    en: "Wrote {file} ({size} KB). Check it with `genki validate {file}`.",
  },
} as const;

export type DeployMessageCode = keyof typeof DEPLOY_MESSAGES;

/**
 * Kept apart from MESSAGES on purpose: only the Node CLI uses these, and the GAS bundle
 * (which imports MESSAGES, loaded on every trigger) should not carry them.
 */
export function deployMessage(
  code: DeployMessageCode,
  params: Readonly<Record<string, string | number>>,
  lang: Lang,
): string {
  return DEPLOY_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
