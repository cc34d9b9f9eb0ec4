/**
 * The Slides advanced service (Slides.Presentations.create / batchUpdate / get).
 * batchUpdate validates like the API, atomically: object IDs created must be 5-50 characters of
 * [a-zA-Z0-9_-:] (first not - or :) and unique among all pages and page elements; every request
 * that references an object (objectId, tableObjectId, elementProperties.pageObjectId,
 * pageObjectIds, slideObjectIds, ...) must name an existing one; otherwise nothing is applied and
 * a GoogleJsonResponseException-like error is thrown. Every accepted request list is stored.
 * A request body over BATCH_UPDATE_PAYLOAD_LIMIT bytes is refused before anything is applied.
 */

import type { DriveStore } from "./drive";
import { MIME } from "./drive";
import { GoogleJsonResponseError } from "./errors";
import type { Runtime } from "./runtime";

type Presentation = GoogleAppsScript.Slides.Schema.Presentation;
type BatchRequest = GoogleAppsScript.Slides.Schema.BatchUpdatePresentationRequest;
type BatchResponse = GoogleAppsScript.Slides.Schema.BatchUpdatePresentationResponse;
type Page = GoogleAppsScript.Slides.Schema.Page;
type Json = Record<string, unknown>;

export interface SlideObject {
  kind: "slide" | "shape" | "table" | "line" | "image" | "video" | "chart" | "group";
  /** the slide a page element sits on */
  pageId?: string;
  text: string;
}

const REQUEST_KINDS = new Set([
  "createImage",
  "createLine",
  "createParagraphBullets",
  "createShape",
  "createSheetsChart",
  "createSlide",
  "createTable",
  "createVideo",
  "deleteObject",
  "deleteParagraphBullets",
  "deleteTableColumn",
  "deleteTableRow",
  "deleteText",
  "duplicateObject",
  "groupObjects",
  "insertTableColumns",
  "insertTableRows",
  "insertText",
  "mergeTableCells",
  "refreshSheetsChart",
  "replaceAllShapesWithImage",
  "replaceAllShapesWithSheetsChart",
  "replaceAllText",
  "replaceImage",
  "rerouteLine",
  "ungroupObjects",
  "unmergeTableCells",
  "updateImageProperties",
  "updateLineCategory",
  "updateLineProperties",
  "updatePageElementAltText",
  "updatePageElementTransform",
  "updatePageElementsZOrder",
  "updatePageProperties",
  "updateParagraphStyle",
  "updateShapeProperties",
  "updateSlidesPosition",
  "updateTableBorderProperties",
  "updateTableCellProperties",
  "updateTableColumnProperties",
  "updateTableRowProperties",
  "updateTextStyle",
  "updateVideoProperties",
]);

const CREATES: Record<string, SlideObject["kind"]> = {
  createShape: "shape",
  createTable: "table",
  createLine: "line",
  createImage: "image",
  createVideo: "video",
  createSheetsChart: "chart",
};

/** the field naming the object a request works on, when it is not "objectId" */
const REFERENCE_FIELD: Record<string, string> = {
  insertTableRows: "tableObjectId",
  insertTableColumns: "tableObjectId",
  deleteTableRow: "tableObjectId",
  deleteTableColumn: "tableObjectId",
  replaceImage: "imageObjectId",
  updateLineCategory: "lineObjectId",
  rerouteLine: "objectId",
};

/** requests that reference lists of objects instead of one */
const LIST_FIELDS = ["objectIds", "pageObjectIds", "slideObjectIds", "pageElementObjectIds"];
const LIST_ONLY = new Set([
  "ungroupObjects",
  "updateSlidesPosition",
  "updatePageElementsZOrder",
  "replaceAllShapesWithImage",
  "replaceAllShapesWithSheetsChart",
]);

/**
 * The largest request body (UTF-8 JSON) a batchUpdate may carry. Google documents no figure for
 * Slides (https://developers.google.com/workspace/slides/api/limits lists only per-minute
 * quotas). The figure is the one Google's API front end states when it refuses a body:
 * "Request payload size exceeds the limit: 10485760 bytes." (400 INVALID_ARGUMENT), observed on
 * Workspace APIs, e.g. https://github.com/jlolling/talendcomp_tGoogleSheet/issues/1 ; Google's
 * Eric Koleda (Workspace DevRel) confirms in https://github.com/googleworkspace/dotnet-samples/issues/23
 * that "the API infrastructure does have a size limit for a single request", "not publicly
 * documented, and is subject to change". The same front end serves Docs' batchUpdate. Because it
 * may change, the product keeps its batches far below (src/gas/slides/batches.ts).
 */
export const BATCH_UPDATE_PAYLOAD_LIMIT = 10_485_760;

/** bytes of the JSON body the advanced service sends */
export function payloadBytes(resource: unknown): number {
  return new TextEncoder().encode(JSON.stringify(resource ?? {})).length;
}

const OBJECT_ID = /^[a-zA-Z0-9_][a-zA-Z0-9_\-:]*$/;

export class FakePresentation {
  /** every accepted batchUpdate, one entry per call */
  readonly requests: unknown[][] = [];
  slides: string[] = [];
  objects = new Map<string, SlideObject>();

  constructor(
    readonly id: string,
    public title: string,
  ) {}

  /** a new presentation: one title slide "p" with placeholders "i0" and "i1", as the API makes */
  static blank(id: string, title: string): FakePresentation {
    const p = new FakePresentation(id, title);
    p.slides = ["p"];
    p.objects.set("p", { kind: "slide", text: "" });
    p.objects.set("i0", { kind: "shape", pageId: "p", text: "" });
    p.objects.set("i1", { kind: "shape", pageId: "p", text: "" });
    return p;
  }

  /** the elements on a slide, in creation order */
  elementsOf(slideId: string): string[] {
    return [...this.objects].filter(([, o]) => o.pageId === slideId).map(([id]) => id);
  }

  /** text inserted into an object */
  textOf(objectId: string): string {
    return this.objects.get(objectId)?.text ?? "";
  }

  /** all requests of all batchUpdates, flattened */
  allRequests(): Json[] {
    return this.requests.flat() as Json[];
  }

  clone(id: string, title: string): FakePresentation {
    const p = new FakePresentation(id, title);
    p.slides = [...this.slides];
    p.objects = new Map([...this.objects].map(([k, v]) => [k, { ...v }]));
    return p;
  }

  toSchema(): Presentation {
    const slides: Page[] = this.slides.map((slideId) => ({
      objectId: slideId,
      pageType: "SLIDE",
      pageElements: this.elementsOf(slideId).map((id) => {
        const o = this.objects.get(id);
        const text = o?.text ?? "";
        return o?.kind === "shape"
          ? {
              objectId: id,
              shape: { text: { textElements: text ? [{ textRun: { content: text } }] : [] } },
            }
          : { objectId: id };
      }),
    }));
    return { presentationId: this.id, title: this.title, locale: "ja", slides };
  }
}

class Invalid extends Error {}

/** applies one batch to a staging copy; throws Invalid with the API's message */
class Batch {
  private generated = 0;

  constructor(readonly p: FakePresentation) {}

  private fail(i: number, kind: string, message: string): never {
    throw new Invalid(`Invalid requests[${i}].${kind}: ${message}`);
  }

  private newId(i: number, kind: string, requested: unknown, prefix: string): string {
    if (requested === undefined || requested === null || requested === "") {
      let id: string;
      do id = `g_${prefix}_${++this.generated}`;
      while (this.p.objects.has(id));
      return id;
    }
    const id = String(requested);
    if (id.length < 5 || id.length > 50 || !OBJECT_ID.test(id)) {
      this.fail(
        i,
        kind,
        `The object ID (${id}) should be 5 to 50 characters long, start with a letter, digit or underscore, and contain only letters, digits, underscores, hyphens and colons.`,
      );
    }
    if (this.p.objects.has(id)) {
      this.fail(
        i,
        kind,
        `The object ID (${id}) should be unique among all pages and page elements.`,
      );
    }
    return id;
  }

  private need(i: number, kind: string, id: unknown): string {
    const key = String(id);
    if (id === undefined || !this.p.objects.has(key))
      this.fail(i, kind, `The object (${key}) could not be found.`);
    return key;
  }

  private needSlide(i: number, kind: string, id: unknown): string {
    const key = this.need(i, kind, id);
    if (this.p.objects.get(key)?.kind !== "slide")
      this.fail(i, kind, `The page (${key}) is not a slide.`);
    return key;
  }

  apply(i: number, request: unknown): Json {
    if (typeof request !== "object" || request === null)
      throw new Invalid(`Invalid requests[${i}]: request must be an object.`);
    const keys = Object.keys(request).filter((k) => (request as Json)[k] !== undefined);
    const kind = keys[0];
    if (keys.length !== 1 || kind === undefined) {
      throw new Invalid(
        `Invalid requests[${i}]: exactly one kind of request must be set, found ${keys.length} (${keys.join(", ")}).`,
      );
    }
    if (!REQUEST_KINDS.has(kind)) {
      throw new Invalid(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
    }
    const body = ((request as Json)[kind] ?? {}) as Json;
    const objects = this.p.objects;

    if (kind === "createSlide") {
      const id = this.newId(i, kind, body.objectId, "slide");
      objects.set(id, { kind: "slide", text: "" });
      const at =
        typeof body.insertionIndex === "number" ? body.insertionIndex : this.p.slides.length;
      this.p.slides.splice(at, 0, id);
      for (const m of (body.placeholderIdMappings ?? []) as Json[]) {
        objects.set(this.newId(i, kind, m.objectId, "ph"), { kind: "shape", pageId: id, text: "" });
      }
      return { createSlide: { objectId: id } };
    }
    const created = CREATES[kind];
    if (created) {
      const props = (body.elementProperties ?? {}) as Json;
      const pageId = this.needSlide(i, kind, props.pageObjectId);
      const id = this.newId(i, kind, body.objectId, created);
      objects.set(id, { kind: created, pageId, text: "" });
      return { [kind]: { objectId: id } };
    }
    switch (kind) {
      case "duplicateObject": {
        const source = this.need(i, kind, body.objectId);
        const map = (body.objectIds ?? {}) as Json;
        const copyId = this.newId(i, kind, map[source], "copy");
        const original = objects.get(source);
        if (!original) return {};
        objects.set(copyId, { ...original });
        if (original.kind === "slide") {
          this.p.slides.splice(this.p.slides.indexOf(source) + 1, 0, copyId);
          for (const child of this.p.elementsOf(source)) {
            const c = objects.get(child);
            if (c) objects.set(this.newId(i, kind, map[child], "copy"), { ...c, pageId: copyId });
          }
        }
        return { duplicateObject: { objectId: copyId } };
      }
      case "deleteObject": {
        const id = this.need(i, kind, body.objectId);
        objects.delete(id);
        if (this.p.slides.includes(id)) {
          this.p.slides = this.p.slides.filter((s) => s !== id);
          for (const child of this.p.elementsOf(id)) objects.delete(child);
        }
        return {};
      }
      case "insertText": {
        const o = objects.get(this.need(i, kind, body.objectId));
        if (o) {
          const at = typeof body.insertionIndex === "number" ? body.insertionIndex : o.text.length;
          o.text = o.text.slice(0, at) + String(body.text ?? "") + o.text.slice(at);
        }
        return {};
      }
      case "deleteText": {
        const o = objects.get(this.need(i, kind, body.objectId));
        const range = (body.textRange ?? {}) as Json;
        if (o) {
          if (range.type === "FIXED_RANGE")
            o.text =
              o.text.slice(0, Number(range.startIndex)) + o.text.slice(Number(range.endIndex));
          else if (range.type === "FROM_START_INDEX")
            o.text = o.text.slice(0, Number(range.startIndex));
          else o.text = "";
        }
        return {};
      }
      case "replaceAllText": {
        const pages = (body.pageObjectIds ?? []) as unknown[];
        for (const p of pages) this.needSlide(i, kind, p);
        const contains = (body.containsText ?? {}) as Json;
        const find = String(contains.text ?? "");
        if (find === "") this.fail(i, kind, "containsText.text must not be empty.");
        const flags = contains.matchCase === true ? "g" : "gi";
        const re = new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), flags);
        let changed = 0;
        for (const o of objects.values()) {
          if (pages.length > 0 && !pages.includes(o.pageId)) continue;
          o.text = o.text.replace(re, () => {
            changed += 1;
            return String(body.replaceText ?? "");
          });
        }
        return { replaceAllText: { occurrencesChanged: changed } };
      }
      case "groupObjects": {
        const children = (body.childrenObjectIds ?? []) as unknown[];
        for (const c of children) this.need(i, kind, c);
        const pageId = objects.get(String(children[0]))?.pageId;
        const id = this.newId(i, kind, body.groupObjectId, "group");
        objects.set(id, { kind: "group", ...(pageId === undefined ? {} : { pageId }), text: "" });
        return { groupObjects: { objectId: id } };
      }
      default: {
        // every other request only references existing objects
        if (!LIST_ONLY.has(kind)) this.need(i, kind, body[REFERENCE_FIELD[kind] ?? "objectId"]);
        for (const field of LIST_FIELDS) {
          const ids = body[field];
          if (Array.isArray(ids)) for (const id of ids) this.need(i, kind, id);
        }
        return {};
      }
    }
  }
}

export type PresentationsMethods = "create" | "batchUpdate" | "get";

export class FakePresentations
  implements Pick<GoogleAppsScript.Slides.Collection.PresentationsCollection, PresentationsMethods>
{
  constructor(
    private readonly rt: Runtime,
    private readonly store: Map<string, FakePresentation>,
    private readonly drive: DriveStore,
  ) {}

  create(resource: Presentation): Presentation {
    return this.rt.call(
      "Slides",
      "Slides.Presentations.create",
      () => {
        const title = resource?.title ?? "無題のプレゼンテーション";
        const file = this.drive.addFile(
          title,
          MIME.presentation,
          undefined,
          resource?.presentationId,
        );
        const p = FakePresentation.blank(file.id, title);
        this.store.set(p.id, p);
        return p.toSchema();
      },
      { detail: resource?.title ?? "" },
    );
  }

  batchUpdate(resource: BatchRequest, presentationId: string): BatchResponse {
    const requests: unknown[] = Array.isArray(resource?.requests) ? resource.requests : [];
    return this.rt.call(
      "Slides",
      "Slides.Presentations.batchUpdate",
      () => {
        const current = this.find(presentationId, "batchUpdate");
        const bytes = payloadBytes(resource);
        if (bytes > BATCH_UPDATE_PAYLOAD_LIMIT) {
          throw new GoogleJsonResponseError(
            "slides.presentations.batchUpdate",
            `Request payload size exceeds the limit: ${BATCH_UPDATE_PAYLOAD_LIMIT} bytes.`,
          );
        }
        const staging = current.clone(current.id, current.title);
        const batch = new Batch(staging);
        let replies: Json[];
        try {
          replies = requests.map((r, i) => batch.apply(i, r));
        } catch (e) {
          if (e instanceof Invalid)
            throw new GoogleJsonResponseError("slides.presentations.batchUpdate", e.message);
          throw e;
        }
        current.slides = staging.slides;
        current.objects = staging.objects;
        current.requests.push(structuredClone(requests));
        return { presentationId, replies };
      },
      { detail: presentationId, cells: requests.length },
    );
  }

  get(presentationId: string): Presentation {
    return this.rt.call(
      "Slides",
      "Slides.Presentations.get",
      () => this.find(presentationId, "get").toSchema(),
      {
        detail: presentationId,
      },
    );
  }

  private find(id: string, method: string): FakePresentation {
    const p = this.store.get(id);
    if (!p || this.drive.files.get(id)?.trashed) {
      throw new GoogleJsonResponseError(
        `slides.presentations.${method}`,
        "Requested entity was not found.",
      );
    }
    return p;
  }
}
