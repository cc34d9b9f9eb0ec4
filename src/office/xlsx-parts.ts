/**
 * Where each tab of an .xlsx lives inside its zip, in the workbook's tab order, read from
 * xl/workbook.xml and its relationships. Undefined for a layout this does not recognise (the
 * callers then use exceljs's document model, which understands every layout).
 */
import type JSZip from "jszip";

export interface SheetPart {
  readonly name: string;
  /** the part's path in the zip, e.g. xl/worksheets/sheet3.xml */
  readonly path: string;
}

export interface XlsxParts {
  readonly sheets: readonly SheetPart[];
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });
}

/** The attributes of one start tag (`<sheet a="1" r:id="x"/>`), prefixes kept. */
export function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1] ?? "", xmlUnescape(m[2] ?? m[3] ?? ""));
  }
  return attrs;
}

export async function sheetParts(zip: JSZip): Promise<XlsxParts | undefined> {
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbook === undefined || rels === undefined) return undefined;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id && target) targets.set(id, target);
  }
  const sheets: SheetPart[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributesOf(m[0]);
    const name = a.get("name");
    const id = a.get("r:id");
    const target = id === undefined ? undefined : targets.get(id);
    // exceljs's streaming reader only knows sheets at worksheets/sheetN.xml, relative to xl/
    if (!name || !target || !/^worksheets\/sheet\d+\.xml$/.test(target)) return undefined;
    const path = `xl/${target}`;
    if (!zip.file(path)) return undefined;
    sheets.push({ name, path });
  }
  return sheets.length > 0 ? { sheets } : undefined;
}
