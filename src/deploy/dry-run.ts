/**
 * --dry-run: the real deploy code runs, but gaxios' adapter hook records each request instead
 * of sending it and answers with placeholders, so the plan printed is exactly what would go out.
 * No login is needed and no token is read.
 */
import { Readable } from "node:stream";
import type { RequestAdapter } from "./google-api";

export interface PlannedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
}

export const NEW_SPREADSHEET_ID = "NEW_SPREADSHEET_ID";
export const NEW_SCRIPT_ID = "NEW_SCRIPT_ID";

type Prepared = Parameters<RequestAdapter>[0];

const bytes = (n: number) => `${n.toLocaleString("en-US")} bytes`;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function summariseMultipart(raw: Buffer, contentType: string): string {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return `${contentType} (${bytes(raw.length)})`;
  const parts = raw
    .toString("latin1")
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [head = "", ...rest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
      const type = /content-type: *([^\r\n]+)/i.exec(head)?.[1] ?? "?";
      const body = Buffer.from(rest.join("\r\n\r\n").replace(/\r\n$/, ""), "latin1");
      return type === "application/json"
        ? `${type} ${body.toString("utf8")}`
        : `${type} (${bytes(body.length)})`;
    });
  return `multipart/related: ${parts.join(" + ")}`;
}

function summariseJson(data: unknown): string {
  const files = (data as { files?: { name?: string; type?: string; source?: string }[] }).files;
  if (Array.isArray(files)) {
    return `files: ${files
      .map((f) => `${f.name} (${f.type}, ${bytes(Buffer.byteLength(f.source ?? ""))})`)
      .join(", ")}`;
  }
  return JSON.stringify(data);
}

async function summarise(options: Prepared): Promise<string> {
  const data = options.data;
  if (data === undefined || data === null) return "";
  if (data instanceof Readable) {
    return summariseMultipart(await readAll(data), options.headers.get("content-type") ?? "");
  }
  return summariseJson(data);
}

function cannedAnswer(method: string, url: URL): unknown {
  if (url.pathname.endsWith("/upload/drive/v3/files")) return { id: NEW_SPREADSHEET_ID };
  if (method === "POST" && url.pathname.endsWith("/v1/projects"))
    return { scriptId: NEW_SCRIPT_ID };
  if (url.pathname.endsWith("/export")) return new ArrayBuffer(0);
  return {};
}

export function dryRunRecorder(): { adapter: RequestAdapter; requests: PlannedRequest[] } {
  const requests: PlannedRequest[] = [];
  const adapter = (async (options: Prepared) => {
    const method = (options.method ?? "GET").toUpperCase();
    requests.push({ method, url: options.url.toString(), body: await summarise(options) });
    return {
      config: options,
      data: cannedAnswer(method, options.url),
      status: 200,
      statusText: "OK",
      headers: new Headers(),
    };
  }) as unknown as RequestAdapter;
  return { adapter, requests };
}
