/** Messages of the GAS side: who edited, and outputs that cannot be reached. */
export const GAS_MESSAGES = {
  "unknown-editor": {
    ja: "（不明な編集者: 組織外のアカウント）",
    en: "(unknown editor: an account outside the organisation)",
  },
  "output-folder-unreachable": {
    ja: "設定「出力フォルダID」のフォルダ（{id}）を開けません。フォルダが削除されていないか、実行する方に編集権限があるかを確認し、正しいフォルダIDを入力してください。何も作成していません。",
    en: "The folder in the setting “出力フォルダID” ({id}) cannot be opened. Check that it still exists and that you can edit it, then enter the right folder ID. Nothing was created.",
  },
  "template-unreachable": {
    ja: "設定「{setting}」のファイル（{id}）を開けません。ファイルが削除されていないか、実行する方に閲覧権限があるかを確認してください。テンプレートを使わない場合は空欄にしてください。何も作成していません。",
    en: "The file in the setting “{setting}” ({id}) cannot be opened. Check that it still exists and is shared with you, or leave the setting empty to use no template. Nothing was created.",
  },
  "template-wrong-type": {
    ja: "設定「{setting}」のファイル（{id}）は{expected}のファイルではありません。{expected}のファイルIDを入力してください。何も作成していません。",
    en: "The file in the setting “{setting}” ({id}) is not a {expected}. Enter the ID of a {expected}. Nothing was created.",
  },
  "output-unreachable-row": {
    ja: "作成できませんでした: {reason}",
    en: "Not created: {reason}",
  },
} as const satisfies Record<string, { ja: string; en: string }>;
