/**
 * UTF-8 length of a string. Google's storage limits count bytes (a cache value 100 KB, a
 * property value 9 KB), and Japanese text is 3 bytes a character.
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
