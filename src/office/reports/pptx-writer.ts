/**
 * Offline annual deck: the domain's DeckLayout (../../domain/reports/layout) as a .pptx. pptxgenjs
 * makes the package (content types, presentation, master, layouts, theme, properties, one empty
 * part per slide with its rels and notes); the shapes are written into each slide part by
 * slide-xml.ts as the part is deflated, so the deck's XML never sits in memory whole (at 1000×,
 * 3,500 slides and 260 MB of it). Nothing is measured or placed here: boxes arrive in points,
 * texts wrapped. Compressed (DEFLATE) by Node's own zlib, written beside and renamed.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import archiver from "archiver";
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import type { DeckModel } from "../../domain/reports";
import { type DeckLayout, layoutDeck } from "../../domain/reports/layout";
import type { DeckWriter, OutputFile } from "../../ports";
import { safeFileName } from "./file-name";
import { slidePartChunks } from "./slide-xml";

export interface PptxDeckWriterOptions {
  /** the typeface for every text (default: the theme's first choice, BIZ UDPゴシック) */
  readonly font?: string;
}

const inch = (pt: number): number => Math.round((pt / 72) * 10000) / 10000;

const faceOf = (layout: DeckLayout, font?: string): string =>
  font ?? layout.fonts[0] ?? "BIZ UDPゴシック";

/** The presentation with the layout's slides, all empty: their shapes come at writing. */
function emptyPresentation(layout: DeckLayout, face: string): PptxGenJS {
  const pres = new PptxGenJS();
  pres.defineLayout({ name: "GENKI", width: inch(layout.width), height: inch(layout.height) });
  pres.layout = "GENKI";
  pres.title = layout.title;
  pres.author = "genki-plan";
  pres.theme = { headFontFace: face, bodyFontFace: face };
  for (const _ of layout.slides) pres.addSlide();
  return pres;
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

const SLIDE_PART = /^ppt\/slides\/slide(\d+)\.xml$/;

/**
 * What archiver deflates for one part: a slide part as a stream of its pieces (its shapes
 * written as they are read), any other part as it is.
 */
async function partSource(
  file: JSZip.JSZipObject,
  layout: DeckLayout,
  face: string,
): Promise<Buffer | Readable> {
  const slide = SLIDE_PART.exec(file.name);
  if (slide) {
    const laid = layout.slides[Number(slide[1]) - 1];
    if (!laid) throw new Error(`${file.name} has no slide in the layout`);
    const chunks = slidePartChunks(await file.async("string"), laid, face);
    return Readable.from(
      (function* () {
        for (const c of chunks) yield Buffer.from(c, "utf8");
      })(),
      { objectMode: false },
    );
  }
  return file.async("nodebuffer");
}

/**
 * Writes the laid-out deck to `path`, compressed: pptxgenjs's parts in its order, each slide
 * part with its shapes, deflated by archiver with Node's zlib (native; pptxgenjs's JavaScript
 * DEFLATE took about 17 s of a 1000× deck's 62 s) straight to the file. Written beside `path`
 * and renamed, so no half deck is left.
 */
export async function writePptx(layout: DeckLayout, path: string, font?: string): Promise<void> {
  const face = faceOf(layout, font);
  const zip = await pptxParts(emptyPresentation(layout, face));
  const temp = resolve(dirname(path), `.${process.pid}.pptx.part`);
  const out = createWriteStream(temp);
  const archive = archiver("zip", { zlib: { level: 6 } });
  const failed = new Promise<never>((_, reject) => {
    archive.on("error", reject);
    out.on("error", reject);
  });
  // a failure after the last part is awaited still lands in the catch below, never unhandled
  failed.catch(() => undefined);
  archive.pipe(out);
  try {
    for (const file of Object.values(zip.files)) {
      if (file.dir) continue;
      // one part at a time: the next is built once this one is deflated
      const done = new Promise((r) => archive.once("entry", r));
      archive.append(await partSource(file, layout, face), { name: file.name, date: file.date });
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
    const layout = layoutDeck(deck);
    const name = `${safeFileName(deck.title, "annual-deck")}.pptx`;
    await mkdir(this.dir, { recursive: true });
    const path = resolve(this.dir, name);
    await writePptx(layout, path, this.options.font);
    this.written.push(path);
    return { name, url: path };
  }
}
