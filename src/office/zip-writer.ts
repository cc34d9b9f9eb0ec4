/**
 * A ZIP archive (an OOXML package) written part by part straight to disk: each part deflated by
 * Node's zlib and its CRC-32 taken by zlib too, then the central directory (PKWARE APPNOTE.TXT
 * 4.3: local file header, data, central directory header, end of central directory record).
 *
 * Why not archiver: it runs every part through its own zlib stream and a JavaScript CRC-32, and
 * a 1000× deck has 14,000 parts (3,500 slides, their rels and notes): about 8 of its 12 s of
 * writing went to that per-part machinery, the deflating itself taking about 1.5 s.
 * No ZIP64: at most 65,535 parts and 4 GiB, far beyond any deck or report this project writes
 * (a 1000× deck is 14,052 parts and 18 MB); past that `add` refuses with an error.
 */
import { open, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import zlib from "node:zlib";
import type JSZip from "jszip";

/** CRC-32 (ISO 3309), the checksum every ZIP entry carries: zlib's (Node ≥ 20.15) or this table. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** CRC-32 of `data`, continuing from `previous` (the CRC of what came before it). */
export function crc32Table(data: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const crc32: (data: Uint8Array, previous?: number) => number =
  typeof zlib.crc32 === "function" ? (d, p = 0) => zlib.crc32(d, p) : crc32Table;

const LIMIT_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** flag bit 11: names are UTF-8 */
const UTF8 = 0x0800;
const DEFLATE = 8;
const STORE = 0;
/** version 2.0: DEFLATE, folders */
const VERSION = 20;
/** written to the file once this much is waiting */
const FLUSH_AT = 1 << 20;

/** A date as MS-DOS packs it (local time, two-second steps, from 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Entry {
  readonly name: Buffer;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * What `writeZip` hands its filler: add the parts in the order they are to appear. A part is
 * bytes, a string, or text made piece by piece (a 1000× pillar's document.xml, 60 MB): that one
 * is deflated as it comes and only its compressed bytes are kept until it is written.
 */
export interface ZipSink {
  /** Adds one part, deflated unless that would make it larger. */
  add(name: string, data: string | Uint8Array | Iterable<string>, date?: Date): Promise<void>;
}

/** Text pieces are gathered to about this many characters before each is encoded and deflated. */
const PIECE_CHARS = 1 << 20;

/** Text made piece by piece: its UTF-8 size, CRC-32 and one DEFLATE stream of it. */
async function deflatePieces(
  pieces: Iterable<string>,
  level: number,
): Promise<{ crc: number; size: number; compressed: Buffer[] }> {
  const deflate = zlib.createDeflateRaw({ level });
  const compressed: Buffer[] = [];
  deflate.on("data", (b: Buffer) => compressed.push(b));
  const ended = new Promise<void>((done, fail) => {
    deflate.on("end", done);
    deflate.on("error", fail);
  });
  let crc = 0;
  let size = 0;
  let pending: string[] = [];
  let length = 0;
  const write = async () => {
    const raw = Buffer.from(pending.join(""), "utf8");
    pending = [];
    length = 0;
    crc = crc32(raw, crc);
    size += raw.length;
    if (!deflate.write(raw)) await new Promise((r) => deflate.once("drain", r));
  };
  try {
    for (const piece of pieces) {
      pending.push(piece);
      length += piece.length;
      if (length >= PIECE_CHARS) await write();
    }
    if (length > 0) await write();
  } catch (e) {
    deflate.destroy();
    throw e;
  }
  deflate.end();
  await ended;
  return { crc, size, compressed };
}

export interface ZipOptions {
  /** zlib level, 1 (fastest) to 9 (smallest); default 6 */
  readonly level?: number;
}

/**
 * The fields a local and a central header share, in the same order (APPNOTE 4.3.7, 4.3.12):
 * flags, method, time, date, CRC-32, sizes and the name's length, from `at` (the flags).
 */
function sharedFields(h: Buffer, e: Entry, at: number): void {
  h.writeUInt16LE(UTF8, at);
  h.writeUInt16LE(e.method, at + 2);
  h.writeUInt16LE(e.time, at + 4);
  h.writeUInt16LE(e.date, at + 6);
  h.writeUInt32LE(e.crc, at + 8);
  h.writeUInt32LE(e.compressed, at + 12);
  h.writeUInt32LE(e.size, at + 16);
  h.writeUInt16LE(e.name.length, at + 20);
}

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(VERSION, 4);
  sharedFields(h, e, 6);
  // extra field: none
  return h;
}

function centralHeader(e: Entry): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(VERSION, 4);
  h.writeUInt16LE(VERSION, 6);
  sharedFields(h, e, 8);
  // extra, comment, disk number, internal and external attributes: none
  h.writeUInt32LE(e.offset, 42);
  return h;
}

function endOfDirectory(entries: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(entries, 8);
  h.writeUInt16LE(entries, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/**
 * Writes the ZIP at `path` with the parts `fill` adds. Written beside `path` and renamed once
 * complete, so a failure (thrown by `fill` or by the disk) leaves no half archive and an older
 * file at `path` untouched.
 */
export async function writeZip(
  path: string,
  fill: (zip: ZipSink) => Promise<void>,
  options: ZipOptions = {},
): Promise<void> {
  const level = options.level ?? 6;
  const temp = resolve(dirname(path), `.${process.pid}.${Date.now()}.zip.part`);
  const file = await open(temp, "w");
  const entries: Entry[] = [];
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  let offset = 0;
  const flush = async () => {
    if (waiting.length === 0) return;
    const out = waiting;
    waiting = [];
    waitingBytes = 0;
    await file.writev(out);
  };
  const push = async (...bufs: Buffer[]) => {
    for (const b of bufs) {
      waiting.push(b);
      waitingBytes += b.length;
      offset += b.length;
    }
    if (waitingBytes >= FLUSH_AT) await flush();
  };
  const sink: ZipSink = {
    async add(name, data, date = new Date()) {
      let part: { method: number; crc: number; size: number; body: Buffer[] };
      if (typeof data === "string" || data instanceof Uint8Array) {
        const raw = typeof data === "string" ? Buffer.from(data, "utf8") : data;
        const deflated = zlib.deflateRawSync(raw, { level });
        const stored = deflated.length >= raw.length;
        part = {
          method: stored ? STORE : DEFLATE,
          crc: crc32(raw),
          size: raw.length,
          body: [stored ? Buffer.from(raw.buffer, raw.byteOffset, raw.length) : deflated],
        };
      } else {
        const streamed = await deflatePieces(data, level);
        part = {
          method: DEFLATE,
          crc: streamed.crc,
          size: streamed.size,
          body: streamed.compressed,
        };
      }
      const compressed = part.body.reduce((n, b) => n + b.length, 0);
      const entry: Entry = {
        name: Buffer.from(name, "utf8"),
        method: part.method,
        ...dosDateTime(date),
        crc: part.crc,
        compressed,
        size: part.size,
        offset,
      };
      if (
        entries.length >= MAX_ENTRIES ||
        part.size > LIMIT_32 ||
        offset + 30 + entry.name.length + compressed > LIMIT_32
      )
        throw new Error(`ZIP without ZIP64: ${name} goes past 65,535 parts or 4 GiB`);
      entries.push(entry);
      await push(localHeader(entry), entry.name, ...part.body);
    },
  };
  try {
    await fill(sink);
    const start = offset;
    for (const e of entries) await push(centralHeader(e), e.name);
    if (offset > LIMIT_32)
      throw new Error("ZIP without ZIP64: the central directory goes past 4 GiB");
    await push(endOfDirectory(entries.length, offset - start, start));
    await flush();
    await file.close();
    await rename(temp, path);
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Writes the parts of a package a library made (docx's, pptxgenjs's) at `path`, in its order and
 * compressed: each part as it is, but those `rewrite` names, which become what it makes of the
 * part's text (the body of a .docx, each slide of a .pptx).
 */
export async function repackage(
  path: string,
  source: JSZip,
  rewrite: (name: string) => ((text: string) => string | Iterable<string>) | undefined,
): Promise<void> {
  await writeZip(path, async (zip) => {
    for (const file of Object.values(source.files)) {
      if (file.dir) continue;
      const make = rewrite(file.name);
      const data = make ? make(await file.async("string")) : await file.async("uint8array");
      await zip.add(file.name, data, file.date);
    }
  });
}
