/**
 * What the offline command (genki) tells people about files, locks, the send journal and mail
 * delivery. Each message says what happened and what to do; ja default, en with --lang en.
 */
export const OFFLINE_MESSAGES = {
  "file-not-found": {
    ja: "「{file}」: ファイルが見つかりません。パスを確認してください。",
    en: "“{file}”: file not found. Check the path.",
  },
  "file-name-not-utf8": {
    ja: "「{file}」: ファイル名に UTF-8 で読めない文字が含まれているため開けません。ファイル名を変えてから、もう一度実行してください。",
    en: "“{file}”: the file name contains characters that are not UTF-8, so it cannot be opened. Rename the file and run again.",
  },
  "file-no-read-permission": {
    ja: "「{file}」: 読み取る権限がありません。ファイルの権限を確認してください。",
    en: "“{file}”: no permission to read it. Check the file's permissions.",
  },
  "file-not-xlsx": {
    ja: "「{file}」: .xlsx 形式として読み取れません（Excel で開き、.xlsx 形式で保存し直してください）。",
    en: "“{file}”: cannot be read as .xlsx (open it in Excel and save it again as .xlsx).",
  },
  "file-read-only": {
    ja: "「{file}」は読み取り専用のため保存できません。読み取り専用を解除してから、もう一度実行してください。",
    en: "“{file}” is read-only and cannot be saved. Clear the read-only flag and run again.",
  },
  "file-open-in-excel": {
    ja: "「{file}」は Excel で開かれています（{owner}）。Excel でファイルを閉じてから、もう一度実行してください。",
    en: "“{file}” is open in Excel ({owner}). Close it in Excel and run again.",
  },
  "save-failed": {
    ja: "「{file}」を保存できませんでした（{reason}）。登録簿は実行前のまま変わっていません。",
    en: "Could not save “{file}” ({reason}). The registry is exactly as it was before this run.",
  },
  "save-reason-disk-full": { ja: "ディスクの空きがありません", en: "the disk is full" },
  "save-reason-permission": {
    ja: "フォルダに書き込む権限がありません",
    en: "no permission to write in the folder",
  },
  "save-reason-serialise": {
    ja: "ブックを .xlsx として書き出せません。Excel で開き、.xlsx 形式で保存し直してください",
    en: "the workbook cannot be written as .xlsx; open it in Excel and save it again as .xlsx",
  },
  "save-reason-read-back": {
    ja: "書き出したファイルを読み戻して確認できませんでした",
    en: "the written file could not be read back",
  },
  "save-reason-lock-lost": {
    ja: "実行中に登録簿のロックが失われました",
    en: "the registry lock was lost during the run",
  },
  "save-reason-other": { ja: "書き込みエラー {code}", en: "write error {code}" },
  "save-backup": {
    ja: "保存前の登録簿は「{backup}」に残しています。",
    en: "The registry as it was before is kept in “{backup}”.",
  },
  "lock-busy": {
    ja: "「{file}」は別の genki の実行（{holder}）が使用中です。{seconds} 秒待ちましたが終わりませんでした。その実行が終わってから、もう一度実行してください。",
    en: "“{file}” is in use by another genki run ({holder}). Waited {seconds} s. Run again when it has finished.",
  },
  "lock-holder": {
    ja: "{host} のプロセス {pid}「{command}」、{since} 開始",
    en: "process {pid} on {host}, “{command}”, started {since}",
  },
  "lock-holder-unknown": { ja: "詳細不明", en: "unknown" },
  "lock-failed": {
    ja: "「{file}」のロックを取れませんでした（{code}）。フォルダに書き込めるか確認してください。",
    en: "Could not lock “{file}” ({code}). Check that the folder is writable.",
  },
  "journal-reconciled": {
    ja: "前回中断された送信 {count} 件を送信記録に書き戻しました（再送はしません）。",
    en: "Recorded {count} send(s) of an interrupted run in 送信記録 (not sent again).",
  },
  "journal-uncertain": {
    ja: "「{key}」は送信の途中で中断されたため、届いたか確認できません。二重送信を避けるため再送しません。届いていない場合は、所属に連絡してください。",
    en: "“{key}” was interrupted while being sent, so delivery is unknown. It is not sent again to avoid a duplicate; contact the division if it did not arrive.",
  },
  "journal-kept": {
    ja: "送信ジャーナル「{journal}」を残しました。次の実行の最初に送信記録へ書き戻すので、同じメールは二度送られません。",
    en: "The send journal “{journal}” is kept. The next run records it in 送信記録 first, so no mail is sent twice.",
  },
  "journal-unreadable": {
    ja: "送信ジャーナル「{journal}」の {line} 行目が読めません（書き込み途中の中断）。その行は送信前の記録のため、無視します。",
    en: "Line {line} of the send journal “{journal}” is unreadable (cut off by a crash); it was written before sending and is ignored.",
  },
  "remind-blocked": {
    ja: "送信前に直す必要のある問題が登録簿にあるため、何も送信していません。直してから、もう一度実行してください。",
    en: "The registry has problems that must be fixed before sending, so nothing was sent. Fix them and run again.",
  },
  "remind-partial": {
    ja: "一部失敗\t{key}\t届かなかった宛先: {addresses}（次回の実行でこの宛先にだけ再送します）",
    en: "partial\t{key}\trefused: {addresses} (the next run sends to these addresses only)",
  },
  "mail-connect": {
    ja: "SMTP サーバー {host} に接続できません。サーバー名・ポート・ネットワークを確認してください",
    en: "cannot connect to the SMTP server {host}; check the host, port and network",
  },
  "mail-auth": {
    ja: "SMTP サーバーの認証に失敗しました。ユーザー名とパスワードを確認してください",
    en: "the SMTP server refused the login; check the user name and password",
  },
  "mail-all-rejected": {
    ja: "宛先がすべて受け付けられませんでした: {addresses}",
    en: "every recipient was refused: {addresses}",
  },
  "mail-refused": {
    ja: "SMTP サーバーが送信を受け付けませんでした（応答 {code}）",
    en: "the SMTP server refused the mail (reply {code})",
  },
  "mail-outbox-write": {
    ja: "送信フォルダにメールを書き出せませんでした（{code}）",
    en: "could not write the mail to the outbox folder ({code})",
  },
  "option-smtp-url": {
    ja: "--smtp「{url}」は SMTP の URL として読めません。smtp://ユーザー:パスワード@ホスト:ポート（暗号化する場合は smtps://…）の形で指定してください。",
    en: "--smtp “{url}” is not an SMTP URL. Use smtp://user:password@host:port (or smtps://… for TLS).",
  },
  "option-outbox-with-smtp": {
    ja: "--outbox と --smtp は同時に指定できません。.eml を書き出すなら --outbox、送信するなら --smtp の一方だけを指定してください。",
    en: "--outbox and --smtp cannot be used together. Give --outbox to write .eml files or --smtp to send, not both.",
  },
  "option-lang": {
    ja: "--lang「{value}」は指定できません。ja か en を指定してください。",
    en: "--lang “{value}” is not supported. Use ja or en.",
  },
  "demo-out-not-empty": {
    ja: "出力先「{dir}」には genki が書いたものではないファイルがあります（{files}）。別のフォルダを指定するか、上書きしてよければ --force を付けてください（genki が書いていないファイルは、--force でも削除しません）。",
    en: "The folder “{dir}” holds files genki did not write ({files}). Choose another folder, or add --force to write there anyway (files genki did not write are never deleted).",
  },
  "output-write-failed": {
    ja: "「{file}」を書き出せませんでした（{reason}）。同じ名前のファイルを開いていれば閉じ、書き込めるフォルダを --out に指定して、もう一度実行してください。登録簿は実行前のまま変わっていません。",
    en: "Could not write “{file}” ({reason}). Close the file if it is open, give --out a folder you can write in, and run again. The registry is exactly as it was before this run.",
  },
  unexpected: {
    ja: "予期しないエラーのため中断しました。登録簿は保存前の状態のままです。GENKI_DEBUG=1 を付けて実行すると詳細を表示します。",
    en: "Stopped by an unexpected error. The registry is as it was before this run. Run with GENKI_DEBUG=1 to see the details.",
  },
} as const;
