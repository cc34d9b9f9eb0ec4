/**
 * Object IDs for the deck's requests, and the helpers that read which IDs a request list creates
 * and which it references (used by tests and by the adapter's own sanity check). Pure.
 *
 * API rule (CreateShapeRequest.objectId): 5–50 characters of [a-zA-Z0-9_-:], the first
 * [a-zA-Z0-9_], unique among all pages and page elements. Ours also start with a letter (the
 * brief's stricter reading) and use the prefix "gk_": Google's generated IDs are "p", "i0",
 * "g<hex>_<n>_<n>" and "SLIDES_API…", none of which can start with "gk_".
 */
import type { slides_v1 } from "googleapis";

export const OBJECT_ID = /^[A-Za-z_][A-Za-z0-9_\-:]{4,49}$/;

export function isValidObjectId(id: string): boolean {
  return OBJECT_ID.test(id);
}

/** Hands out deterministic IDs `<prefix>_<name>`, refusing invalid or repeated ones. */
export class IdFactory {
  private readonly issued = new Set<string>();
  readonly prefix: string;

  /**
   * `prefix` must be a letter then up to 11 letters/digits/underscores. When IDs already in the
   * presentation start with `<prefix>_` (a template made from an earlier deck), the prefix gets
   * a number (gk2, gk3, …) until none does.
   */
  constructor(prefix: string, existing: readonly string[] = []) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,11}$/.test(prefix))
      throw new Error(`object ID prefix must be a letter then up to 11 of [A-Za-z0-9_]: ${prefix}`);
    let p = prefix;
    for (let n = 2; existing.some((id) => id.startsWith(`${p}_`)); n += 1) p = `${prefix}${n}`;
    this.prefix = p;
    for (const id of existing) this.issued.add(id);
  }

  id(name: string): string {
    const id = `${this.prefix}_${name}`;
    if (!isValidObjectId(id)) throw new Error(`invalid Slides object ID: ${id}`);
    if (this.issued.has(id)) throw new Error(`duplicate Slides object ID: ${id}`);
    this.issued.add(id);
    return id;
  }
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null;

const str = (v: unknown): string[] => (typeof v === "string" && v !== "" ? [v] : []);

const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** the request kind (its one key) and body */
function kindOf(request: slides_v1.Schema$Request): [string, Json] | undefined {
  for (const [kind, body] of Object.entries(request)) {
    if (isRecord(body)) return [kind, body];
  }
  return undefined;
}

const CREATE_KINDS = new Set([
  "createSlide",
  "createShape",
  "createTable",
  "createLine",
  "createImage",
  "createVideo",
  "createSheetsChart",
]);

/** object IDs the requests create, in order (only explicit ones) */
export function createdIds(requests: readonly slides_v1.Schema$Request[]): string[] {
  const out: string[] = [];
  for (const request of requests) {
    const entry = kindOf(request);
    if (!entry) continue;
    const [kind, body] = entry;
    if (CREATE_KINDS.has(kind)) out.push(...str(body.objectId));
    if (kind === "createSlide" && Array.isArray(body.placeholderIdMappings)) {
      for (const m of body.placeholderIdMappings) if (isRecord(m)) out.push(...str(m.objectId));
    }
    if (kind === "groupObjects") out.push(...str(body.groupObjectId));
    if (kind === "duplicateObject" && isRecord(body.objectIds)) {
      out.push(...Object.values(body.objectIds).flatMap(str));
    }
  }
  return out;
}

/** fields naming one object a request works on */
const SINGLE_FIELDS = ["objectId", "tableObjectId", "imageObjectId", "lineObjectId"];
/** fields naming several */
const LIST_FIELDS = [
  "objectIds",
  "pageObjectIds",
  "slideObjectIds",
  "pageElementObjectIds",
  "childrenObjectIds",
];

/** object IDs the requests reference (must exist before), in order, repeats kept */
export function referencedIds(requests: readonly slides_v1.Schema$Request[]): string[] {
  const out: string[] = [];
  for (const request of requests) {
    const entry = kindOf(request);
    if (!entry) continue;
    const [kind, body] = entry;
    if (isRecord(body.elementProperties)) out.push(...str(body.elementProperties.pageObjectId));
    if (CREATE_KINDS.has(kind)) continue; // their objectId is the new object
    for (const f of SINGLE_FIELDS) out.push(...str(body[f]));
    for (const f of LIST_FIELDS) out.push(...strs(body[f]));
  }
  return out;
}
