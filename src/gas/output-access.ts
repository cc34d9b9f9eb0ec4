/**
 * OutputAccess on DriveApp (scope `drive`, see README "Permissions"): opens the folder and the
 * template named in 設定 before anything is created. DriveApp throws "No item with the given ID
 * could be found…" for an ID that does not exist or is not shared with the person running.
 */
import type { OutputAccess, OutputProblem } from "../ports";

const MIME = {
  document: "application/vnd.google-apps.document",
  presentation: "application/vnd.google-apps.presentation",
} as const;

export class DriveOutputAccess implements OutputAccess {
  check(place: {
    readonly folderId?: string;
    readonly templateId?: string;
    readonly templateKind: "document" | "presentation";
  }): OutputProblem | null {
    if (place.folderId) {
      try {
        DriveApp.getFolderById(place.folderId).getName();
      } catch {
        return { code: "output-folder-unreachable", setting: "出力フォルダID", id: place.folderId };
      }
    }
    if (place.templateId) {
      let mime: string;
      try {
        mime = DriveApp.getFileById(place.templateId).getMimeType();
      } catch {
        return { code: "template-unreachable", setting: "", id: place.templateId };
      }
      if (mime !== MIME[place.templateKind]) {
        return { code: "template-wrong-type", setting: "", id: place.templateId };
      }
    }
    return null;
  }
}
