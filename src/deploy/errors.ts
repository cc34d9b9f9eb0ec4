/**
 * What went wrong talking to Google, in words a person can act on. googleapis rejects with a
 * GaxiosError (status + Google's JSON error body) or, with no answer at all, a network error;
 * neither is ever shown as is (its config carries the Authorization header).
 */
import type { DeployMessageCode } from "../domain/i18n/deploy-messages";

export type StepCode =
  | "deploy-step-upload"
  | "deploy-step-project"
  | "deploy-step-content"
  | "deploy-step-export"
  | "deploy-step-delete";

export interface Failure {
  readonly code: DeployMessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A failure the CLI reports with exit code 2; `step` says where, `leftBehind` what is still there. */
export class DeployError extends Error {
  constructor(
    readonly failure: Failure,
    readonly step?: StepCode,
    readonly leftBehind?: { readonly title: string; readonly url: string },
    readonly rolledBack = false,
  ) {
    super(failure.code);
  }

  at(step: StepCode): DeployError {
    return this.step ? this : new DeployError(this.failure, step, this.leftBehind, this.rolledBack);
  }
}

/** The parts of a Google error answer we look at. */
export interface GoogleErrorInfo {
  readonly status?: number;
  /** errors[0].reason (Drive: "userRateLimitExceeded", "exportSizeLimitExceeded", …) */
  readonly reason?: string;
  /** Google's English message: matched, never shown */
  readonly message?: string;
  /** the disabled service from a SERVICE_DISABLED answer (script.googleapis.com, drive.googleapis.com) */
  readonly disabledService?: string;
  /** no answer at all: ECONNREFUSED, ENOTFOUND, ETIMEDOUT, … */
  readonly networkCode?: string;
  /** an OAuth token endpoint answer ({"error": "invalid_grant"}) */
  readonly oauthError?: string;
  /** seconds from a Retry-After header */
  readonly retryAfter?: number;
}

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  response?: { status?: unknown; data?: unknown; headers?: unknown };
}

function decodeBody(data: unknown): unknown {
  // files.export asks for an arraybuffer, so its error body arrives as bytes.
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return undefined;
    }
  }
  if (typeof data === "string") {
    try {
      return JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  return data;
}

function header(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  if (headers && typeof headers === "object") {
    const v = (headers as Record<string, unknown>)[name];
    return typeof v === "string" ? v : undefined;
  }
  return undefined;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

function networkCodeOf(e: ErrorLike, depth = 0): string | undefined {
  if (depth > 4 || !e) return undefined;
  if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return e.code;
  if (e.cause && typeof e.cause === "object") return networkCodeOf(e.cause as ErrorLike, depth + 1);
  // node-fetch wraps socket failures as FetchError type "system" with the errno in .code
  if (typeof e.message === "string" && /request to .* failed, reason:/.test(e.message)) {
    return "ECONNREFUSED";
  }
  return undefined;
}

export function googleErrorInfo(e: unknown): GoogleErrorInfo {
  const err = (e ?? {}) as ErrorLike;
  const response = err.response;
  const status =
    typeof response?.status === "number"
      ? response.status
      : typeof err.status === "number"
        ? err.status
        : undefined;
  if (status === undefined) {
    const networkCode = networkCodeOf(err);
    return networkCode ? { networkCode } : {};
  }
  const body = decodeBody(response?.data) as
    | {
        error?:
          | string
          | {
              message?: string;
              errors?: { reason?: string }[];
              details?: { reason?: string; metadata?: { service?: string } }[];
            };
      }
    | undefined;
  const retryAfterText = header(response?.headers, "retry-after");
  const retryAfter =
    retryAfterText && /^\d+$/.test(retryAfterText) ? Number(retryAfterText) : undefined;
  const base = { status, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (typeof body?.error === "string") return { ...base, oauthError: body.error };
  const error = body?.error;
  const disabled = error?.details?.find((d) => d.reason === "SERVICE_DISABLED");
  return {
    ...base,
    ...(error?.errors?.[0]?.reason ? { reason: error.errors[0].reason } : {}),
    ...(error?.message ? { message: error.message } : {}),
    ...(disabled?.metadata?.service ? { disabledService: disabled.metadata.service } : {}),
  };
}

/**
 * Worth another try after a pause: 429 and 5xx, Drive's 403 rate-limit reasons
 * ("If you exceed a quota, you'll receive a 403: User rate limit exceeded … 429: Too many
 * requests … use an exponential backoff", https://developers.google.com/drive/api/guides/limits),
 * and a connection that dropped.
 */
export function isRetryable(info: GoogleErrorInfo): boolean {
  if (info.networkCode) return true;
  if (info.status === undefined) return false;
  if (info.status === 429 || info.status === 500 || info.status === 502) return true;
  if (info.status === 503 || info.status === 504) return true;
  return (
    info.status === 403 &&
    (info.reason === "userRateLimitExceeded" || info.reason === "rateLimitExceeded")
  );
}

/** The Apps Script API's own switch (https://script.google.com/home/usersettings) answers 403 with this. */
const SCRIPT_API_OFF = /has not enabled the Apps Script API/i;
/** A Cloud project's API switch (access tokens from gcloud): "… has not been used in project N before or it is disabled". */
const CLOUD_API_OFF = /has not been used in project|it is disabled/i;

function apiName(service: string | undefined, message: string | undefined): string {
  const s = `${service ?? ""} ${message ?? ""}`;
  if (/script/i.test(s)) return "Apps Script API";
  if (/drive/i.test(s)) return "Google Drive API";
  return service ?? "API";
}

export function describeGoogleError(
  info: GoogleErrorInfo,
  context: { attempts: number; host: string; id?: string },
): Failure {
  const { attempts, host } = context;
  if (info.networkCode) return { code: "deploy-network", params: { host, attempts } };
  if (info.oauthError || info.status === 401) return { code: "deploy-unauthorised", params: {} };
  const status = info.status ?? 0;
  if (status === 403) {
    if (SCRIPT_API_OFF.test(info.message ?? ""))
      return { code: "deploy-script-api-off", params: {} };
    if (info.disabledService || CLOUD_API_OFF.test(info.message ?? "")) {
      return {
        code: "deploy-cloud-api-off",
        params: { api: apiName(info.disabledService, info.message) },
      };
    }
    if (info.reason === "exportSizeLimitExceeded")
      return { code: "deploy-export-too-large", params: {} };
    if (info.reason === "userRateLimitExceeded" || info.reason === "rateLimitExceeded") {
      return { code: "deploy-rate-limited", params: { attempts } };
    }
    return { code: "deploy-forbidden", params: {} };
  }
  if (status === 404) return { code: "deploy-not-found", params: { id: context.id ?? "" } };
  if (status === 429) return { code: "deploy-rate-limited", params: { attempts } };
  if (status >= 500) return { code: "deploy-server-error", params: { status, attempts } };
  return { code: "deploy-rejected", params: { status, reason: info.reason ?? "-" } };
}
