/**
 * The five Google calls genki uses, on googleapis' per-API packages (@googleapis/drive,
 * @googleapis/script). Every call goes through withRetry; googleapis' own retry is off so that
 * there is one backoff, ours, whose pause tests can inject.
 *
 * `rootUrl` is passed on every call, not only to the client: googleapis builds the media
 * upload URL (…/upload/drive/v3/files) from the per-call rootUrl only.
 */
import { Readable } from "node:stream";
import { drive, type MethodOptions } from "@googleapis/drive";
import { script } from "@googleapis/script";
import type { OAuthClient } from "./credentials";
import { type RetryPolicy, withRetry } from "./retry";

export const SHEETS_MIME = "application/vnd.google-apps.spreadsheet";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const GOOGLE_ROOT = "https://www.googleapis.com/";
const SCRIPT_ROOT = "https://script.googleapis.com/";

export interface ScriptFile {
  readonly name: string;
  readonly type: "SERVER_JS" | "JSON";
  readonly source: string;
}

export interface GoogleApi {
  /** Drive files.create, multipart, converting the .xlsx to a Google Sheet. */
  uploadAsSheet(title: string, xlsx: Uint8Array): Promise<{ id: string }>;
  /** Apps Script projects.create bound to the spreadsheet (parentId). */
  createBoundProject(title: string, parentId: string): Promise<{ scriptId: string }>;
  /** Apps Script projects.updateContent: replaces every file of the project. */
  updateContent(scriptId: string, files: readonly ScriptFile[]): Promise<void>;
  /** Drive files.delete (the rollback). A bound script goes with its container. */
  deleteFile(id: string): Promise<void>;
  /** Drive files.export as .xlsx. */
  exportXlsx(id: string): Promise<Uint8Array>;
}

/** gaxios' hook to replace the HTTP call itself (the dry run's recorder). */
export type RequestAdapter = NonNullable<MethodOptions["adapter"]>;

export interface GoogleApiOptions {
  readonly auth?: OAuthClient;
  /** one root for Drive and the Apps Script API (tests, API gateways) */
  readonly apiRoot?: string;
  readonly retry: RetryPolicy;
  readonly adapter?: RequestAdapter;
}

export function googleApi(options: GoogleApiOptions): GoogleApi {
  const driveRoot = options.apiRoot ?? GOOGLE_ROOT;
  const scriptRoot = options.apiRoot ?? SCRIPT_ROOT;
  const common = {
    retry: false,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.adapter ? { adapter: options.adapter } : {}),
  };
  const d = drive({ version: "v3", ...common, rootUrl: driveRoot });
  const s = script({ version: "v1", ...common, rootUrl: scriptRoot });
  const perCall = (root: string) => ({
    rootUrl: root,
    retry: false,
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  const host = (root: string) => new URL(root).host;
  const retry = <T>(root: string, call: () => Promise<T>, id?: string) =>
    withRetry(call, options.retry, { host: host(root), ...(id ? { id } : {}) });

  return {
    async uploadAsSheet(title, xlsx) {
      const res = await retry(driveRoot, () =>
        d.files.create(
          {
            requestBody: { name: title, mimeType: SHEETS_MIME },
            // a fresh stream per try: a stream is read once
            media: { mimeType: XLSX_MIME, body: Readable.from([Buffer.from(xlsx)]) },
            fields: "id,name,mimeType",
          },
          perCall(driveRoot),
        ),
      );
      return { id: String(res.data.id) };
    },
    async createBoundProject(title, parentId) {
      const res = await retry(scriptRoot, () =>
        s.projects.create({ requestBody: { title, parentId } }, perCall(scriptRoot)),
      );
      return { scriptId: String(res.data.scriptId) };
    },
    async updateContent(scriptId, files) {
      await retry(
        scriptRoot,
        () =>
          s.projects.updateContent(
            { scriptId, requestBody: { files: files.map((f) => ({ ...f })) } },
            perCall(scriptRoot),
          ),
        scriptId,
      );
    },
    async deleteFile(id) {
      await retry(driveRoot, () => d.files.delete({ fileId: id }, perCall(driveRoot)), id);
    },
    async exportXlsx(id) {
      const res = await retry(
        driveRoot,
        () =>
          d.files.export(
            { fileId: id, mimeType: XLSX_MIME },
            { ...perCall(driveRoot), responseType: "arraybuffer" },
          ),
        id,
      );
      return new Uint8Array(res.data as ArrayBuffer);
    },
  };
}
