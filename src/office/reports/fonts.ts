/**
 * The one typeface both offline writers use, for Latin and East Asian text alike.
 *
 * Why "Noto Sans CJK JP": it is what a Linux LibreOffice (the closed-network offices' usual
 * viewer) has for Japanese (fonts-noto-cjk), and one face for both scripts keeps a line from
 * mixing fonts. OOXML has no fallback list: LibreOffice does not split "A;B" into fonts when it
 * reads .docx/.pptx (checked: "Bogus;Noto Serif CJK JP" renders in the default font), so a single
 * name is written. Where the face is missing, Word and PowerPoint substitute a Japanese font of
 * their own (text still shows, in another face); offices on Windows can pass "Yu Gothic",
 * "Meiryo" or "BIZ UDPゴシック" through the writers' `font` option instead.
 */
export const DEFAULT_REPORT_FONT = "Noto Sans CJK JP";
