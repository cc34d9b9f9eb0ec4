/** Text for the XML parts the project writes itself (.xlsx rows, .docx bodies, .pptx slides). */

/** Characters XML 1.0 does not allow (controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Text or an attribute value made safe for XML: the five specials escaped, and the characters no
 * XML parser accepts dropped (a stray control character pasted into a cell would otherwise make
 * Excel, Word or PowerPoint refuse the whole file).
 */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ENTITY[c] ?? "");
}
