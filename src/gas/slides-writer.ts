/**
 * DeckWriter on the Slides advanced service: one create (or template copy), then the deck's
 * requests in batchUpdates of whole slides under the payload budget (slides/batches.ts). Between
 * batches it asks whether to stop; a stopped deck returns a token to continue the same file.
 */
import type { DeckModel } from "../domain/reports";
import type { DeckWriteOptions, DeckWriter, WrittenDeck } from "../ports";
import { deckBatches } from "./slides/batches";
import { deckRequests, toGasRequests } from "./slides/requests";

/** where a deck stopped: the file, the slides it had before ours, the batches already sent */
interface DeckToken {
  readonly id: string;
  readonly existing: readonly string[];
  readonly done: number;
  readonly total: number;
}

type Presentations = GoogleAppsScript.Slides.Collection.PresentationsCollection;

export class GasDeckWriter implements DeckWriter {
  constructor(
    private readonly folderOf: (
      folderId: string | undefined,
    ) => GoogleAppsScript.Drive.Folder | undefined,
  ) {}

  writeDeck(deck: DeckModel, options: DeckWriteOptions): WrittenDeck {
    const presentations = typeof Slides === "undefined" ? undefined : Slides.Presentations;
    if (!presentations) {
      throw new Error(
        "Google Slides API（拡張サービス）が有効になっていません。Apps Script エディタの「サービス」で Slides API を追加してください。",
      );
    }
    const resumed = options.resumeFrom ? (JSON.parse(options.resumeFrom) as DeckToken) : undefined;
    const start = resumed ?? { ...this.create(presentations, deck, options), done: 0 };
    const batches = deckBatches(deckRequests(deck, { existingSlideIds: start.existing })).map(
      toGasRequests,
    );
    if (resumed && batches.length !== resumed.total) {
      throw new Error(
        "前回の続きのスライドを作成できませんでした（スクリプトが更新されたため）。もう一度メニューから作成してください。",
      );
    }
    const url = `https://docs.google.com/presentation/d/${start.id}/edit`;
    for (let done = start.done; done < batches.length; done++) {
      if (options.shouldStop?.()) {
        const token: DeckToken = {
          id: start.id,
          existing: start.existing,
          done,
          total: batches.length,
        };
        return { name: deck.title, url, unfinished: JSON.stringify(token) };
      }
      presentations.batchUpdate({ requests: batches[done] ?? [] }, start.id);
      options.onPart?.(done + 1, batches.length);
    }
    return { name: deck.title, url };
  }

  /** a new presentation (or a copy of the template) and the slides it starts with */
  private create(
    presentations: Presentations,
    deck: DeckModel,
    options: DeckWriteOptions,
  ): { id: string; existing: string[] } {
    const folder = this.folderOf(options.folderId);
    if (options.templateId) {
      // The template's masters and layouts give the look; its sample slides are replaced.
      const template = DriveApp.getFileById(options.templateId);
      const id = (
        folder ? template.makeCopy(deck.title, folder) : template.makeCopy(deck.title)
      ).getId();
      return { id, existing: slideIds(presentations.get(id)) };
    }
    const created = presentations.create({ title: deck.title });
    const id = created.presentationId ?? "";
    if (folder) DriveApp.getFileById(id).moveTo(folder);
    return { id, existing: slideIds(created) };
  }
}

function slideIds(p: GoogleAppsScript.Slides.Schema.Presentation): string[] {
  return (p.slides ?? []).flatMap((s) => (s.objectId ? [s.objectId] : []));
}
