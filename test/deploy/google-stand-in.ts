/**
 * A local stand-in for the parts of Google's Drive v3 and Apps Script APIs that `genki deploy`
 * and `genki download` call, on 127.0.0.1. It records every request, stores what is uploaded,
 * and answers errors on demand, shaped as Google shapes them. Like the GAS fake, it models
 * Google, not our code; where it is simpler than Google, that is said beside it.
 *
 * References:
 * - files.create, multipart upload: https://developers.google.com/drive/api/guides/manage-uploads#multipart
 *   ("uploadType=multipart", a "multipart/related" body: metadata JSON part, then the media part)
 *   and import to Google Docs types: https://developers.google.com/drive/api/guides/manage-uploads#import-docs
 *   (an .xlsx sent with metadata mimeType application/vnd.google-apps.spreadsheet becomes a Sheet).
 * - files.delete: https://developers.google.com/drive/api/reference/rest/v3/files/delete (204, empty body)
 * - files.export: https://developers.google.com/drive/api/reference/rest/v3/files/export
 *   (only Google Workspace documents; "exported content is limited to 10MB").
 * - projects.create: https://developers.google.com/apps-script/api/reference/rest/v1/projects/create
 *   (body {title, parentId}; "parentId: The Drive ID of a parent file that the created script project is bound to").
 * - projects.updateContent: https://developers.google.com/apps-script/api/reference/rest/v1/projects/updateContent
 *   (PUT …/content, the whole file list replaces the project's; files need a manifest "appsscript" JSON).
 * - Error bodies: https://developers.google.com/drive/api/guides/handle-errors
 *   ({"error": {"code", "message", "errors": [{"domain", "reason", "message"}]}}).
 *
 * Simpler than Google (said, not hidden): the stand-in does not convert the .xlsx; it stores
 * the bytes and serves them back on export, where Google would rebuild an .xlsx from the Sheet.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const SHEETS_MIME = "application/vnd.google-apps.spreadsheet";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

export interface MultipartPart {
  readonly contentType: string;
  readonly body: Buffer;
}

export interface DriveFile {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

export interface ScriptProject {
  readonly scriptId: string;
  readonly title: string;
  readonly parentId: string;
  files: { name: string; type: string; source: string }[];
}

export interface Fault {
  readonly method?: string;
  /** matched against the start of the path */
  readonly path?: string;
  readonly status: number;
  readonly body?: unknown;
  /** how many matching requests get this answer (default 1) */
  readonly times?: number;
  readonly retryAfter?: number;
}

/** Google's JSON error body (https://developers.google.com/drive/api/guides/handle-errors). */
export function googleError(
  status: number,
  message: string,
  reason: string,
  extra: Record<string, unknown> = {},
): unknown {
  return {
    error: { code: status, message, errors: [{ message, domain: "global", reason }], ...extra },
  };
}

/** The Apps Script API's answer while the user's switch is off (quoted in google/clasp#256). */
export const SCRIPT_API_OFF = googleError(
  403,
  "User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.",
  "forbidden",
  { status: "PERMISSION_DENIED" },
);

export const RATE_LIMITED = googleError(429, "Rate Limit Exceeded", "rateLimitExceeded", {
  status: "RESOURCE_EXHAUSTED",
});
export const BACKEND_ERROR = googleError(500, "Internal Error", "backendError");
export const FORBIDDEN = googleError(403, "The caller does not have permission", "forbidden", {
  status: "PERMISSION_DENIED",
});

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return [];
  const text = body.toString("latin1");
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const part = chunk.replace(/^\r\n/, "").replace(/\r\n$/, "");
      const split = part.indexOf("\r\n\r\n");
      const head = part.slice(0, split);
      return {
        contentType: /content-type: *([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? "",
        body: Buffer.from(part.slice(split + 4), "latin1"),
      };
    });
}

export class GoogleStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly files = new Map<string, DriveFile>();
  readonly projects = new Map<string, ScriptProject>();
  private readonly faults: (Fault & { left: number })[] = [];
  private server: Server | undefined;
  url = "";

  /** access tokens accepted: the one given and those issued by /token (401 for others, as Google answers) */
  private readonly tokens = new Set<string>();
  /** the refresh token /token accepts */
  refreshToken = "1//test-refresh-token";

  constructor(token: string) {
    this.tokens.add(token);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Puts a file in Drive as if someone had made it there. */
  addSheet(name: string, bytes: Buffer): string {
    const id = newId();
    this.files.set(id, { id, name, mimeType: SHEETS_MIME, bytes });
    return id;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rec: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      body: Buffer.concat(chunks),
    };
    this.requests.push(rec);
    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === rec.method) &&
        (!f.path || rec.path.startsWith(f.path)),
    );
    if (fault) {
      fault.left--;
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      res.writeHead(fault.status, headers);
      res.end(JSON.stringify(fault.body ?? googleError(fault.status, "error", "error")));
      return;
    }
    if (rec.method === "POST" && rec.path === "/token") {
      this.refresh(rec, res);
      return;
    }
    if (!this.tokens.has(rec.authorization?.replace(/^Bearer /, "") ?? "")) {
      json(
        res,
        401,
        googleError(
          401,
          "Request had invalid authentication credentials. Expected OAuth 2 access token.",
          "authError",
          { status: "UNAUTHENTICATED" },
        ),
      );
      return;
    }
    this.route(rec, res);
  }

  /**
   * OAuth 2.0 refresh (https://developers.google.com/identity/protocols/oauth2/native-app#offline):
   * form fields grant_type=refresh_token, refresh_token, client_id, client_secret; a revoked or
   * unknown refresh token answers 400 {"error": "invalid_grant"}.
   */
  private refresh(rec: RecordedRequest, res: ServerResponse): Answered {
    const form = new URLSearchParams(rec.body.toString("utf8"));
    if (
      form.get("grant_type") !== "refresh_token" ||
      form.get("refresh_token") !== this.refreshToken
    ) {
      return json(res, 400, {
        error: "invalid_grant",
        error_description: "Token has been expired or revoked.",
      });
    }
    const accessToken = `ya29.renewed-${newId()}`;
    this.tokens.add(accessToken);
    this.issued.push(accessToken);
    return json(res, 200, { access_token: accessToken, expires_in: 3599, token_type: "Bearer" });
  }

  /** access tokens handed out by /token, oldest first */
  readonly issued: string[] = [];

  private route(rec: RecordedRequest, res: ServerResponse): Answered {
    const { method, path } = rec;
    if (method === "POST" && path === "/upload/drive/v3/files") return this.create(rec, res);
    const file = /^\/drive\/v3\/files\/([^/]+)(\/export)?$/.exec(path);
    if (file?.[1] && method === "DELETE" && !file[2]) return this.delete(file[1], res);
    if (file?.[1] && method === "GET" && file[2]) return this.export(file[1], rec, res);
    if (method === "POST" && path === "/v1/projects") return this.createProject(rec, res);
    const content = /^\/v1\/projects\/([^/]+)\/content$/.exec(path);
    if (content?.[1] && method === "PUT") return this.updateContent(content[1], rec, res);
    return json(res, 404, googleError(404, `No route ${method} ${path}`, "notFound"));
  }

  private create(rec: RecordedRequest, res: ServerResponse): Answered {
    if (rec.query.uploadType !== "multipart" || !rec.contentType?.startsWith("multipart/related")) {
      return json(res, 400, googleError(400, "Bad upload request", "badRequest"));
    }
    const [meta, media] = parseMultipart(rec.body, rec.contentType);
    if (!meta || !media || meta.contentType !== "application/json") {
      return json(res, 400, googleError(400, "Bad multipart body", "badRequest"));
    }
    const metadata = JSON.parse(meta.body.toString("utf8")) as { name?: string; mimeType?: string };
    // Import to a Sheet only from a format Sheets can read (the media part's own type).
    if (metadata.mimeType === SHEETS_MIME && media.contentType !== XLSX_MIME) {
      return json(res, 400, googleError(400, "Conversion not supported", "badRequest"));
    }
    const id = newId();
    const stored: DriveFile = {
      id,
      name: metadata.name ?? "Untitled",
      mimeType: metadata.mimeType ?? media.contentType,
      bytes: media.body,
    };
    this.files.set(id, stored);
    return json(res, 200, { kind: "drive#file", id, name: stored.name, mimeType: stored.mimeType });
  }

  private delete(id: string, res: ServerResponse): Answered {
    if (!this.files.delete(id)) return json(res, 404, notFound(id));
    // A bound script lives in its container and goes with it
    // (https://developers.google.com/apps-script/guides/bound).
    for (const [scriptId, p] of this.projects)
      if (p.parentId === id) this.projects.delete(scriptId);
    res.writeHead(204);
    res.end();
    return true;
  }

  private export(id: string, rec: RecordedRequest, res: ServerResponse): Answered {
    const file = this.files.get(id);
    if (!file) return json(res, 404, notFound(id));
    if (file.mimeType !== SHEETS_MIME || rec.query.mimeType !== XLSX_MIME) {
      return json(
        res,
        400,
        googleError(400, "Export only supports Docs Editors files.", "badRequest"),
      );
    }
    if (file.bytes.length > 10 * 1024 * 1024) {
      return json(
        res,
        403,
        googleError(403, "This file is too large to be exported.", "exportSizeLimitExceeded"),
      );
    }
    res.writeHead(200, { "content-type": XLSX_MIME });
    res.end(file.bytes);
    return true;
  }

  private createProject(rec: RecordedRequest, res: ServerResponse): Answered {
    const body = JSON.parse(rec.body.toString("utf8") || "{}") as {
      title?: string;
      parentId?: string;
    };
    if (body.parentId !== undefined && !this.files.has(body.parentId)) {
      return json(res, 404, googleError(404, "Requested entity was not found.", "notFound"));
    }
    const scriptId = newId();
    const project: ScriptProject = {
      scriptId,
      title: body.title ?? "Untitled project",
      parentId: body.parentId ?? "",
      files: [],
    };
    this.projects.set(scriptId, project);
    return json(res, 200, { scriptId, title: project.title, parentId: project.parentId });
  }

  private updateContent(scriptId: string, rec: RecordedRequest, res: ServerResponse): Answered {
    const project = this.projects.get(scriptId);
    if (!project)
      return json(res, 404, googleError(404, "Requested entity was not found.", "notFound"));
    const body = JSON.parse(rec.body.toString("utf8") || "{}") as {
      files?: { name: string; type: string; source: string }[];
    };
    const files = body.files ?? [];
    const types = new Set(["SERVER_JS", "HTML", "JSON"]);
    const manifest = files.filter((f) => f.type === "JSON");
    if (
      files.some((f) => !types.has(f.type) || !f.name) ||
      manifest.length !== 1 ||
      manifest[0]?.name !== "appsscript"
    ) {
      return json(
        res,
        400,
        googleError(
          400,
          "Invalid argument: the project needs one manifest file named appsscript.",
          "badRequest",
        ),
      );
    }
    project.files = files;
    return json(res, 200, { scriptId, files });
  }
}

function newId(): string {
  return randomBytes(33).toString("base64url");
}

function notFound(id: string): unknown {
  return googleError(404, `File not found: ${id}.`, "notFound");
}

/** A handler's result: the answer has been written. */
type Answered = true;

function json(res: ServerResponse, status: number, body: unknown): Answered {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
  return true;
}
