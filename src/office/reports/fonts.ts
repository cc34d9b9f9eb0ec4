import { FONT_STACK } from "../../domain/reports/layout";
/**
 * The typeface of the offline writers: the theme's first choice, BIZ UDPゴシック (in Windows
 * since 10 and in Google Docs/Slides). OOXML run fonts take one name; where it is missing, Word,
 * PowerPoint and LibreOffice substitute a Japanese face of their own (游ゴシック / メイリオ on
 * Windows, Noto Sans CJK JP on Linux). The writers' `font` option names another.
 */
export const DEFAULT_REPORT_FONT = FONT_STACK[0];
