/**
 * The ZIP writer under the .docx and .pptx: what it writes opens in JSZip with every CRC checked, parts come
 * back byte for byte in their order, and a failure leaves nothing half-written.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { crc32Table, writeZip } from "../../src/office/zip-writer";

describe("writeZip", () => {
  const dir = mkdtemp(join(tmpdir(), "genki-zip-"));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));

  it("writes parts that JSZip reads back exactly, CRCs checked, in the order added", async () => {
    const path = join(await dir, "parts.zip");
    const noise = randomBytes(4096);
    const xml = `<?xml version="1.0"?><r>${"<a:t>繰り返し</a:t>".repeat(5000)}</r>`;
    await writeZip(path, async (zip) => {
      await zip.add("noise.bin", noise);
      await zip.add("ppt/slides/slide1.xml", xml, new Date(2024, 3, 1, 9, 30, 12));
      await zip.add("日本語/名前.txt", "中身");
      await zip.add("empty.txt", "");
    });
    const bytes = await readFile(path);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([
      "noise.bin",
      "ppt/slides/slide1.xml",
      "日本語/名前.txt",
      "empty.txt",
    ]);
    expect(Buffer.from((await zip.file("noise.bin")?.async("uint8array")) ?? [])).toEqual(noise);
    expect(await zip.file("ppt/slides/slide1.xml")?.async("string")).toBe(xml);
    expect(await zip.file("日本語/名前.txt")?.async("string")).toBe("中身");
    expect(await zip.file("empty.txt")?.async("string")).toBe("");
    // MS-DOS date and time fields hold local time (JSZip reads them back as if UTC)
    const d = zip.file("ppt/slides/slide1.xml")?.date;
    expect(d && [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]).toEqual([2024, 3, 1]);
    expect(d && [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]).toEqual([9, 30, 12]);
    // noise is stored (method 0: deflating would grow it), the XML deflated far below its size
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.length).toBeLessThan(noise.length + xml.length / 20);
  });

  it("leaves no file, and an older one untouched, when the filler fails", async () => {
    const path = join(await dir, "kept.zip");
    await writeFile(path, "the previous deck");
    await expect(
      writeZip(path, async (zip) => {
        await zip.add("a.txt", "x".repeat(3_000_000));
        throw new Error("layout failed");
      }),
    ).rejects.toThrow("layout failed");
    expect(await readFile(path, "utf8")).toBe("the previous deck");
    expect((await readdir(await dir)).filter((n) => n.endsWith(".part"))).toEqual([]);
  });

  it("writes text made piece by piece as one part, the same as the whole string", async () => {
    const path = join(await dir, "pieces.zip");
    // pieces that together pass the writer's 1 MB grouping, with a character over 2 bytes
    const pieces = Array.from({ length: 30_000 }, (_, i) => `<w:p>${i} 取組 😀 &amp;</w:p>`);
    const failing = function* () {
      yield "<w:body>";
      throw new Error("a colour the layout never makes");
    };
    await writeZip(path, async (zip) => {
      await zip.add("word/document.xml", pieces);
      await zip.add("after.txt", "next part");
    });
    const zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: true });
    expect(await zip.file("word/document.xml")?.async("string")).toBe(pieces.join(""));
    expect(await zip.file("after.txt")?.async("string")).toBe("next part");
    await expect(
      writeZip(join(await dir, "failed.zip"), (z) => z.add("word/document.xml", failing())),
    ).rejects.toThrow("a colour the layout never makes");
    expect(
      (await readdir(await dir)).filter((n) => n.startsWith("failed") || n.endsWith(".part")),
    ).toEqual([]);
  });

  it("takes CRC-32 as zlib does, also where Node lacks zlib.crc32, and continues one", () => {
    const data = randomBytes(10_000);
    expect(crc32Table(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32Table(data)).toBe(zlib.crc32(data));
    expect(crc32Table(new Uint8Array())).toBe(0);
    expect(crc32Table(data.subarray(4000), crc32Table(data.subarray(0, 4000)))).toBe(
      zlib.crc32(data),
    );
  });
});
