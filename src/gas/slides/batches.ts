/**
 * A deck's requests cut into batchUpdate calls: whole slides per call, each body under a byte
 * budget. One call for the whole deck is refused beyond the API's payload limit (at 100× the plan
 * the deck is ~13 MB; Google's front end refuses bodies over 10,485,760 bytes, a figure it does
 * not document and may change: see test/gas-fake/slides.ts), and smaller calls let a run stop
 * between slides at its deadline and a follow-up run continue from there.
 */
import type { slides_v1 } from "googleapis";

type Request = slides_v1.Schema$Request;

/**
 * Bytes of JSON per batchUpdate: a tenth of the observed 10 MiB limit, so a lowered limit or a
 * different way of counting still leaves room, and each call stays a few seconds long.
 */
export const BATCH_PAYLOAD_BUDGET = 1_000_000;

/** `{"requests":[` + `]}` */
const ENVELOPE_BYTES = 15;

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The requests of each slide, in order: a new group starts at every createSlide. Requests before
 * the first createSlide form their own group; requests after the last slide's (the deletion of a
 * template's sample slides) stay with it, so they run once every slide exists.
 */
export function groupBySlide(requests: readonly Request[]): Request[][] {
  const groups: Request[][] = [];
  for (const request of requests) {
    const last = groups.at(-1);
    if (!last || request.createSlide) groups.push([request]);
    else last.push(request);
  }
  return groups;
}

/**
 * Packs slide groups, in order, into batches whose JSON body stays within `budget` bytes. A
 * slide that alone exceeds the budget is split between its requests (the order is kept, and each
 * request only names objects made before it, so later batches can rely on earlier ones).
 */
export function packBatches<R = Request>(
  groups: readonly (readonly R[])[],
  budget: number = BATCH_PAYLOAD_BUDGET,
): R[][] {
  const batches: R[][] = [];
  let current: R[] = [];
  let size = ENVELOPE_BYTES;
  const close = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    size = ENVELOPE_BYTES;
  };
  for (const group of groups) {
    const sizes = group.map((r) => utf8Bytes(JSON.stringify(r)) + 1); // + the comma
    const groupSize = sizes.reduce((a, b) => a + b, 0);
    if (size + groupSize > budget) close();
    if (ENVELOPE_BYTES + groupSize <= budget) {
      current.push(...group);
      size += groupSize;
      continue;
    }
    group.forEach((request, i) => {
      const bytes = sizes[i] ?? 0;
      if (size + bytes > budget) close();
      current.push(request);
      size += bytes;
    });
  }
  close();
  return batches;
}

/** The deck's batchUpdate bodies: whole slides under the budget. */
export function deckBatches(
  requests: readonly Request[],
  budget: number = BATCH_PAYLOAD_BUDGET,
): Request[][] {
  return packBatches(groupBySlide(requests), budget);
}

/** The size of a batchUpdate body as the advanced service sends it. */
export function batchBytes(requests: readonly Request[]): number {
  return utf8Bytes(JSON.stringify({ requests }));
}
