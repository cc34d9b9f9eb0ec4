/** Reading .docx / .pptx back for the tests: parts, paragraphs and table rows as plain text. */
import { readFile } from "node:fs/promises";
import JSZip from "jszip";

export async function openZip(path: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(path));
}

export async function part(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async("string");
}

/** Part names matching `re`, in numeric order (slide2 before slide10). */
export function partNames(zip: JSZip, re: RegExp): string[] {
  const num = (n: string): number => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);
  return Object.keys(zip.files)
    .filter((n) => re.test(n))
    .sort((a, b) => num(a) - num(b));
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return String.fromCodePoint(code);
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()] ?? "";
  });
}

/** An ampersand that starts no entity: the XML would not parse. */
export const BARE_AMPERSAND = /&(?!(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);)/i;

/**
 * The text of each paragraph (w:p in WordprocessingML, a:p in DrawingML), its runs' texts
 * (w:t / a:t) joined; a line break (w:br / a:br) reads as "\n".
 */
export function paragraphs(xml: string, ns: "w" | "a"): string[] {
  const out: string[] = [];
  const para = new RegExp(`<${ns}:p[ >][\\s\\S]*?</${ns}:p>`, "g");
  const run = new RegExp(`<${ns}:t(?: [^>]*)?>([\\s\\S]*?)</${ns}:t>|<${ns}:br/>`, "g");
  for (const p of xml.match(para) ?? []) {
    out.push(
      [...p.matchAll(run)].map((m) => (m[1] === undefined ? "\n" : decodeXml(m[1]))).join(""),
    );
  }
  return out;
}

/** All text, paragraphs joined by newlines (so multi-line values read as they were given). */
export function allText(xml: string, ns: "w" | "a"): string {
  return paragraphs(xml, ns).join("\n");
}

/** Table rows (w:tr or a:tr) as trimmed cell texts; a cell's paragraphs joined by newlines. */
export function tableRows(xml: string, ns: "w" | "a"): string[][] {
  const rows: string[][] = [];
  const tr = new RegExp(`<${ns}:tr[ >][\\s\\S]*?</${ns}:tr>`, "g");
  const tc = new RegExp(`<${ns}:tc[ >/][\\s\\S]*?</${ns}:tc>`, "g");
  for (const row of xml.match(tr) ?? []) {
    rows.push((row.match(tc) ?? []).map((c) => allText(c, ns).trim()));
  }
  return rows;
}

/** A zip's parts from its central directory: name, compression method (8 DEFLATE, 0 stored), size. */
export function zipEntries(b: Buffer): { name: string; method: number; size: number }[] {
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return [];
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const parts: { name: string; method: number; size: number }[] = [];
  for (let i = 0; i < count && b.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = b.readUInt16LE(at + 28);
    parts.push({
      name: b.toString("utf8", at + 46, at + 46 + nameLength),
      method: b.readUInt16LE(at + 10),
      size: b.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return parts;
}
