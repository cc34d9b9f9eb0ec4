/**
 * DeckLayout → presentations.batchUpdate requests (Slides API v1), as a pure function: one
 * layout element to one shape, grouped per slide (`Request[][]`, one array per slide, then one
 * for deleting the slides that were there before) so a caller can split batches at slide
 * boundaries. Nothing is measured or placed here: the domain layout did that.
 *
 * Object IDs are `gk_s003_t12`: deterministic, valid and unique (ids.ts). Text indices are
 * UTF-16 code units, as the API counts them.
 */
import type { slides_v1 } from "googleapis";
import type { DeckModel } from "../../domain/reports";
import {
  type DeckLayout,
  googleFont,
  INSET,
  type LayoutElement,
  layoutDeck,
} from "../../domain/reports/layout";
import { IdFactory } from "./ids";

export { createdIds, IdFactory, isValidObjectId, referencedIds } from "./ids";

type Request = slides_v1.Schema$Request;

export interface DeckRequestOptions {
  /** slides already in the new or copied presentation; deleted at the end */
  readonly existingSlideIds?: readonly string[];
  /** object ID prefix, default "gk" */
  readonly idPrefix?: string;
  /** layout of every new slide, default the master's BLANK layout */
  readonly layout?: slides_v1.Schema$LayoutReference;
  /** the typeface (default: the theme's first choice, BIZ UDPゴシック, which Google has) */
  readonly font?: string;
}

export interface DeckBuild {
  /** one array per new slide, in order, then (when there were old slides) their deletion */
  readonly batches: Request[][];
  /** the new slides' object IDs, in order */
  readonly slideIds: string[];
}

const pt = (magnitude: number): slides_v1.Schema$Dimension => ({
  magnitude: Math.round(magnitude * 100) / 100,
  unit: "PT",
});

function rgb(hex: string): slides_v1.Schema$OpaqueColor {
  const n = Number.parseInt(hex, 16);
  return {
    rgbColor: {
      red: ((n >> 16) & 255) / 255,
      green: ((n >> 8) & 255) / 255,
      blue: (n & 255) / 255,
    },
  };
}

const solid = (hex: string): slides_v1.Schema$SolidFill => ({ color: rgb(hex) });

function placed(pageObjectId: string, e: LayoutElement): slides_v1.Schema$PageElementProperties {
  return {
    pageObjectId,
    // the API refuses a zero size; a horizontal line gets the thinnest height it takes
    size: { width: pt(Math.max(e.box.w, 0.01)), height: pt(Math.max(e.box.h, 0.01)) },
    transform: {
      scaleX: 1,
      scaleY: 1,
      translateX: Math.round(e.box.x * 100) / 100,
      translateY: Math.round(e.box.y * 100) / 100,
      unit: "PT",
    },
  };
}

const ALIGN = { left: "START", center: "CENTER", right: "END" } as const;
const VALIGN = { top: "TOP", middle: "MIDDLE", bottom: "BOTTOM" } as const;

function elementRequests(pageId: string, id: string, e: LayoutElement, font: string): Request[] {
  switch (e.kind) {
    case "rect":
      return [
        {
          createShape: {
            objectId: id,
            shapeType: "RECTANGLE",
            elementProperties: placed(pageId, e),
          },
        },
        {
          updateShapeProperties: {
            objectId: id,
            shapeProperties: {
              shapeBackgroundFill: { solidFill: solid(e.fill) },
              outline: e.line
                ? { outlineFill: { solidFill: solid(e.line) }, weight: pt(0.75) }
                : { propertyState: "NOT_RENDERED" },
            },
            fields: e.line
              ? "shapeBackgroundFill.solidFill.color,outline.outlineFill.solidFill.color,outline.weight"
              : "shapeBackgroundFill.solidFill.color,outline.propertyState",
          },
        },
      ];
    case "line":
      return [
        {
          createLine: {
            objectId: id,
            lineCategory: "STRAIGHT",
            elementProperties: placed(pageId, e),
          },
        },
        {
          updateLineProperties: {
            objectId: id,
            lineProperties: { lineFill: { solidFill: solid(e.color) }, weight: pt(e.weight) },
            fields: "lineFill.solidFill.color,weight",
          },
        },
      ];
    case "text": {
      const text = e.runs.map((r) => r.text).join("");
      const out: Request[] = [
        {
          createShape: {
            objectId: id,
            shapeType: e.fill ? "RECTANGLE" : "TEXT_BOX",
            elementProperties: placed(pageId, e),
          },
        },
        { insertText: { objectId: id, text } },
      ];
      let start = 0;
      for (const r of e.runs) {
        const end = start + r.text.length;
        out.push({
          updateTextStyle: {
            objectId: id,
            textRange: { type: "FIXED_RANGE", startIndex: start, endIndex: end },
            style: {
              fontFamily: font,
              fontSize: pt(r.size),
              foregroundColor: { opaqueColor: rgb(r.color) },
              bold: r.bold === true,
            },
            fields: "fontFamily,fontSize,foregroundColor,bold",
          },
        });
        start = end;
      }
      out.push({
        updateParagraphStyle: {
          objectId: id,
          textRange: { type: "ALL" },
          style: { alignment: ALIGN[e.align], lineSpacing: 100 },
          fields: "alignment,lineSpacing",
        },
      });
      out.push({
        updateShapeProperties: {
          objectId: id,
          shapeProperties: {
            contentAlignment: VALIGN[e.valign],
            ...(e.fill
              ? {
                  shapeBackgroundFill: { solidFill: solid(e.fill) },
                  outline: { propertyState: "NOT_RENDERED" },
                }
              : {}),
          },
          fields: e.fill
            ? "contentAlignment,shapeBackgroundFill.solidFill.color,outline.propertyState"
            : "contentAlignment",
        },
      });
      return out;
    }
  }
}

/** Slides' text boxes keep the same inset the layout measured with (0.1 in × 0.05 in). */
export const SLIDES_INSET = INSET;

/** The requests for a laid-out deck, one array per slide (see the module comment). */
export function paintSlides(layout: DeckLayout, options: DeckRequestOptions = {}): DeckBuild {
  const existing = options.existingSlideIds ?? [];
  const ids = new IdFactory(options.idPrefix ?? "gk", existing);
  // Slides, like Docs, knows the face by its Google Fonts name ("BIZ UDPGothic")
  const font = options.font ?? googleFont(layout.fonts);
  const slideLayout = options.layout ?? { predefinedLayout: "BLANK" };
  const batches: Request[][] = [];
  const slideIds: string[] = [];
  layout.slides.forEach((s, i) => {
    const pageId = ids.id(s.id);
    slideIds.push(pageId);
    batches.push([
      {
        createSlide: {
          objectId: pageId,
          insertionIndex: existing.length + i,
          slideLayoutReference: slideLayout,
        },
      },
      ...s.elements.flatMap((e) => elementRequests(pageId, ids.id(`${s.id}_${e.id}`), e, font)),
    ]);
  });
  // never leave the presentation without slides: keep the old ones when there is nothing new
  if (layout.slides.length > 0 && existing.length > 0) {
    batches.push(existing.map((id) => ({ deleteObject: { objectId: id } })));
  }
  return { batches, slideIds };
}

/** Every request for a deck model, grouped per slide. */
export function deckRequestBatches(deck: DeckModel, options: DeckRequestOptions = {}): Request[][] {
  return paintSlides(layoutDeck(deck), options).batches;
}

/** Every request for a deck model, as one list. */
export function deckRequests(deck: DeckModel, options: DeckRequestOptions = {}): Request[] {
  return deckRequestBatches(deck, options).flat();
}

/**
 * The same list typed for the Slides advanced service in GAS (`Slides.Presentations
 * .batchUpdate`). The JSON is identical; only the typings differ.
 */
export function toGasRequests(
  requests: readonly Request[],
): GoogleAppsScript.Slides.Schema.Request[] {
  return requests as unknown as GoogleAppsScript.Slides.Schema.Request[];
}
