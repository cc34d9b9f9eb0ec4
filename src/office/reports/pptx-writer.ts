/**
 * Offline annual deck: the domain's DeckLayout (../../domain/reports/layout) as a .pptx. pptxgenjs
 * makes the package (content types, presentation, master, layouts, theme, properties, one empty
 * part per slide with its rels and notes); slide-xml.ts writes each slide's shapes into its part
 * just before the part is deflated, one slide at a time, so the deck's XML never sits in memory
 * whole (at 1000×, 3,500 slides and 260 MB of it). Nothing is measured or placed here: boxes
 * arrive in points, texts wrapped. Compressed (DEFLATE) by Node's own zlib (../zip-writer),
 * written beside and renamed.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import type { DeckModel } from "../../domain/reports";
import { type DeckLayout, layoutDeck } from "../../domain/reports/layout";
import type { DeckWriter, OutputFile } from "../../ports";
import { outputWriteFailure } from "../offline-error";
import { repackage } from "../zip-writer";
import { safeFileName } from "./file-name";
import { slidePartXml } from "./slide-xml";

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
 * This spares JSZip's generation (at 1000×, about 20 s, and the whole file held twice).
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
 * Writes the laid-out deck to `path`, compressed: pptxgenjs's parts in its order, each slide
 * part made with its shapes just before it is deflated (zip-writer: Node's zlib, written beside
 * `path` and renamed, so no half deck is left).
 */
export async function writePptx(layout: DeckLayout, path: string, font?: string): Promise<void> {
  const face = faceOf(layout, font);
  const parts = await pptxParts(emptyPresentation(layout, face));
  await repackage(path, parts, (name) => {
    const slide = SLIDE_PART.exec(name);
    if (!slide) return undefined;
    const laid = layout.slides[Number(slide[1]) - 1];
    if (!laid) throw new Error(`${name} has no slide in the layout`);
    return (text) => slidePartXml(text, laid, face);
  });
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
    const path = resolve(this.dir, name);
    try {
      await mkdir(this.dir, { recursive: true });
      await writePptx(layout, path, this.options.font);
    } catch (e) {
      throw outputWriteFailure(path, e);
    }
    this.written.push(path);
    return { name, url: path };
  }
}
