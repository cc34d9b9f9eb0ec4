/**
 * Offline annual deck: paints the domain's DeckLayout (../../domain/reports/layout) with
 * pptxgenjs, one layout element to one shape. Nothing is measured or placed here: positions are
 * points converted to inches, texts arrive wrapped. Written compressed (DEFLATE) by Node's
 * own zlib (see compressedPptx).
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { finished } from "node:stream/promises";
import archiver from "archiver";
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import type { DeckModel } from "../../domain/reports";
import {
  type DeckLayout,
  INSET,
  type LayoutElement,
  layoutDeck,
} from "../../domain/reports/layout";
import type { DeckWriter, OutputFile } from "../../ports";
import { safeFileName } from "./file-name";

export interface PptxDeckWriterOptions {
  /** the typeface for every text (default: the theme's first choice, BIZ UDPゴシック) */
  readonly font?: string;
}

const inch = (pt: number): number => Math.round((pt / 72) * 10000) / 10000;

function paintElement(
  pres: PptxGenJS,
  slide: PptxGenJS.Slide,
  e: LayoutElement,
  font: string,
): void {
  const pos = { x: inch(e.box.x), y: inch(e.box.y), w: inch(e.box.w), h: inch(e.box.h) };
  switch (e.kind) {
    case "rect":
      slide.addShape(pres.ShapeType.rect, {
        ...pos,
        fill: { color: e.fill },
        line: e.line ? { color: e.line, width: 0.75 } : { type: "none" },
      });
      return;
    case "line":
      slide.addShape(pres.ShapeType.line, { ...pos, line: { color: e.color, width: e.weight } });
      return;
    case "text":
      slide.addText(
        e.runs.flatMap((r) => {
          // a line break is a new paragraph (breakLine), never a "\n" inside a:t
          const pieces = r.text.split("\n");
          return pieces.flatMap((text, j) => {
            const last = j === pieces.length - 1;
            if (last && text === "") return [];
            return [
              {
                text,
                options: {
                  fontSize: r.size,
                  color: r.color,
                  bold: r.bold === true,
                  fontFace: font,
                  lang: "ja-JP",
                  ...(last ? {} : { breakLine: true }),
                },
              },
            ];
          });
        }),
        {
          ...pos,
          fontFace: font,
          align: e.align,
          valign: e.valign,
          margin: [INSET.x, INSET.x, INSET.y, INSET.y],
          fit: "none",
          ...(e.fill ? { fill: { color: e.fill } } : {}),
        },
      );
  }
}

/** The presentation for a laid-out deck, not yet written. */
export function paintPptx(layout: DeckLayout, font?: string): PptxGenJS {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: "GENKI", width: inch(layout.width), height: inch(layout.height) });
  pres.layout = "GENKI";
  pres.title = layout.title;
  pres.author = "genki-plan";
  const face = font ?? layout.fonts[0] ?? "BIZ UDPゴシック";
  pres.theme = { headFontFace: face, bodyFontFace: face };
  for (const s of layout.slides) {
    const slide = pres.addSlide();
    for (const e of s.elements) paintElement(pres, slide, e, face);
  }
  return pres;
}

/** The presentation for a deck model (laid out by the domain). */
export function deckPresentation(deck: DeckModel, font?: string): PptxGenJS {
  return paintPptx(layoutDeck(deck), font);
}

/**
 * The parts of `pres` as pptxgenjs lays them out, before it zips them. pptxgenjs offers no way
 * to have its parts without its zip (a JSZip it makes and generates at once), so its call to
 * generateAsync is caught (on the one jszip module both use) and the JSZip itself handed back.
 * At 1000× (3,500 slides, 260 MB of XML) this spares JSZip's generation: about 20 s, and the
 * whole file held twice in memory.
 */
async function pptxParts(pres: PptxGenJS): Promise<JSZip> {
  const proto = JSZip.prototype as { generateAsync: JSZip["generateAsync"] };
  const generate = proto.generateAsync;
  let caught: JSZip | undefined;
  proto.generateAsync = function (this: JSZip) {
    caught = this;
    return Promise.resolve(new Uint8Array()) as ReturnType<JSZip["generateAsync"]>;
  } as JSZip["generateAsync"];
  try {
    await pres.write({ outputType: "nodebuffer", compression: false });
  } finally {
    proto.generateAsync = generate;
  }
  if (!caught) throw new Error("pptxgenjs did not zip the presentation");
  return caught;
}

/** A part's bytes: a text part (what pptxgenjs adds) directly, anything else through JSZip. */
async function partBytes(file: JSZip.JSZipObject): Promise<Buffer> {
  const data = (file as unknown as { _data?: unknown })._data;
  return typeof data === "string" ? Buffer.from(data, "utf8") : file.async("nodebuffer");
}

/**
 * Writes `pres` to `path` compressed. pptxgenjs compresses with JSZip's JavaScript DEFLATE,
 * which took about 17 s of a 1000× deck's 62 s; here archiver deflates each part with Node's
 * zlib (native) straight to the file, in pptxgenjs's part order. Written beside `path` and
 * renamed, so no half deck is left.
 */
export async function compressedPptx(pres: PptxGenJS, path: string): Promise<void> {
  const zip = await pptxParts(pres);
  const temp = resolve(dirname(path), `.${process.pid}.pptx.part`);
  const out = createWriteStream(temp);
  const archive = archiver("zip", { zlib: { level: 6 } });
  const failed = new Promise<never>((_, reject) => {
    archive.on("error", reject);
    out.on("error", reject);
  });
  archive.pipe(out);
  try {
    for (const file of Object.values(zip.files)) {
      if (file.dir) continue;
      // one part at a time: the next is encoded once this one is deflated
      const done = new Promise((r) => archive.once("entry", r));
      archive.append(await partBytes(file), { name: file.name, date: file.date });
      await Promise.race([done, failed]);
    }
    await Promise.race([Promise.all([archive.finalize(), finished(out)]), failed]);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Writes the annual deck as one compressed .pptx into `dir`; folder/template are for GAS. */
export class PptxDeckWriter implements DeckWriter {
  /** paths written so far, in order */
  readonly written: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly options: PptxDeckWriterOptions = {},
  ) {}

  async writeDeck(
    deck: DeckModel,
    _options: { folderId?: string; templateId?: string } = {},
  ): Promise<OutputFile> {
    const pres = deckPresentation(deck, this.options.font);
    const name = `${safeFileName(deck.title, "annual-deck")}.pptx`;
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, name);
    await compressedPptx(pres, path);
    this.written.push(path);
    return { name, url: path };
  }
}
