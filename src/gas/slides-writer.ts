/** DeckWriter on the Slides advanced service: one create (or template copy) + one batchUpdate. */
import type { DeckModel } from "../domain/reports";
import type { DeckWriter, OutputFile } from "../ports";
import { deckRequests, toGasRequests } from "./slides/requests";

export class GasDeckWriter implements DeckWriter {
  constructor(
    private readonly folderOf: (
      folderId: string | undefined,
    ) => GoogleAppsScript.Drive.Folder | undefined,
  ) {}

  writeDeck(deck: DeckModel, options: { folderId?: string; templateId?: string }): OutputFile {
    const presentations = typeof Slides === "undefined" ? undefined : Slides.Presentations;
    if (!presentations) {
      throw new Error(
        "Google Slides API（拡張サービス）が有効になっていません。Apps Script エディタの「サービス」で Slides API を追加してください。",
      );
    }
    const folder = this.folderOf(options.folderId);
    let id: string;
    let existing: string[];
    if (options.templateId) {
      // The template's masters and layouts give the look; its sample slides are replaced.
      const template = DriveApp.getFileById(options.templateId);
      id = (folder ? template.makeCopy(deck.title, folder) : template.makeCopy(deck.title)).getId();
      existing = (presentations.get(id).slides ?? []).flatMap((s) =>
        s.objectId ? [s.objectId] : [],
      );
    } else {
      const created = presentations.create({ title: deck.title });
      id = created.presentationId ?? "";
      existing = (created.slides ?? []).flatMap((s) => (s.objectId ? [s.objectId] : []));
      if (folder) DriveApp.getFileById(id).moveTo(folder);
    }
    const requests = toGasRequests(deckRequests(deck, { existingSlideIds: existing }));
    presentations.batchUpdate({ requests }, id);
    return { name: deck.title, url: `https://docs.google.com/presentation/d/${id}/edit` };
  }
}
