/**
 * Writes an Office file (.docx, .pptx: a zip of XML parts) part by part, each DEFLATEd by Node's
 * own zlib (native) through archiver, straight to disk. A part may be a text stream, so the
 * large ones (a 1000× pillar's document.xml, a deck's slides) are encoded and compressed as
 * they are made and never held whole. Written beside `path` and renamed: no half file is left.
 */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import archiver from "archiver";

export interface ZipPart {
  readonly name: string;
  /** bytes, or text made piece by piece (encoded as UTF-8 on the way) */
  readonly data: Uint8Array | Iterable<string> | AsyncIterable<string>;
  readonly date?: Date;
}

/** Groups small strings into chunks of about this many characters before they are encoded. */
const CHUNK_CHARS = 64 * 1024;

async function* chunked(texts: Iterable<string> | AsyncIterable<string>): AsyncGenerator<Buffer> {
  let pending: string[] = [];
  let length = 0;
  for await (const text of texts) {
    pending.push(text);
    length += text.length;
    if (length >= CHUNK_CHARS) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.from(pending.join(""), "utf8");
}

function sourceOf(data: ZipPart["data"]): Buffer | Readable {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.length);
  return Readable.from(chunked(data), { objectMode: false });
}

/** Writes `parts`, in order, as a zip at `path`. */
export async function writeZip(
  path: string,
  parts: Iterable<ZipPart> | AsyncIterable<ZipPart>,
): Promise<void> {
  const temp = resolve(dirname(path), `.${process.pid}.${Date.now()}.zip.part`);
  const out = createWriteStream(temp);
  const archive = archiver("zip", { zlib: { level: 6 } });
  const failed = new Promise<never>((_, reject) => {
    archive.on("error", reject);
    out.on("error", reject);
  });
  // a rejection no one awaits yet must not end the process
  failed.catch(() => undefined);
  archive.pipe(out);
  try {
    for await (const part of parts) {
      // one part at a time: the next is made once this one is written
      const done = new Promise((r) => archive.once("entry", r));
      archive.append(sourceOf(part.data), {
        name: part.name,
        ...(part.date ? { date: part.date } : {}),
      });
      await Promise.race([done, failed]);
    }
    await Promise.race([Promise.all([archive.finalize(), finished(out)]), failed]);
    await rename(temp, path);
  } catch (e) {
    archive.abort();
    out.destroy();
    await rm(temp, { force: true });
    throw e;
  }
}
