/** Utilities and Blob. Bytes are signed (-128..127), as GAS's Java bytes are. */
import { createHash } from "node:crypto";
import { gasEnum } from "./enums";
import { badParameters } from "./errors";
import { formatDate } from "./format-date";
import { sprintf } from "./logger";
import type { Runtime } from "./runtime";

type GasBlob = GoogleAppsScript.Base.Blob;
type Byte = number;

function toSigned(buf: Uint8Array): Byte[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: string | Byte[]): Buffer {
  return typeof data === "string"
    ? Buffer.from(data, "utf8")
    : Buffer.from(data.map((b) => b & 0xff));
}

export type BlobMethods =
  | "getDataAsString"
  | "getBytes"
  | "getName"
  | "setName"
  | "getContentType"
  | "setContentType"
  | "setDataFromString"
  | "copyBlob"
  | "getBlob"
  | "getAs"
  | "isGoogleType";

export class FakeBlob implements Pick<GasBlob, BlobMethods> {
  constructor(
    private readonly rt: Runtime,
    public bytes: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {}

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("Utilities", `Blob.${method}`, body);
  }

  private self(): GasBlob {
    return asGasBlob(this);
  }

  getDataAsString(): string {
    return this.call("getDataAsString", () => this.bytes.toString("utf8"));
  }

  getBytes(): Byte[] {
    return this.call("getBytes", () => toSigned(this.bytes));
  }

  getName(): string | null {
    return this.call("getName", () => this.name);
  }

  setName(name: string): GasBlob {
    return this.call("setName", () => {
      this.name = name;
      return this.self();
    });
  }

  getContentType(): string | null {
    return this.call("getContentType", () => this.contentType);
  }

  setContentType(contentType: string | null): GasBlob {
    return this.call("setContentType", () => {
      this.contentType = contentType;
      return this.self();
    });
  }

  setDataFromString(text: string): GasBlob {
    return this.call("setDataFromString", () => {
      this.bytes = Buffer.from(text, "utf8");
      return this.self();
    });
  }

  copyBlob(): GasBlob {
    return this.call("copyBlob", () =>
      asGasBlob(new FakeBlob(this.rt, Buffer.from(this.bytes), this.contentType, this.name)),
    );
  }

  getBlob(): GasBlob {
    return this.call("getBlob", () => this.self());
  }

  /** conversions are not modelled: same bytes, new content type */
  getAs(contentType: string): GasBlob {
    return this.call("getAs", () =>
      asGasBlob(new FakeBlob(this.rt, Buffer.from(this.bytes), contentType, this.name)),
    );
  }

  isGoogleType(): boolean {
    return this.call("isGoogleType", () =>
      (this.contentType ?? "").startsWith("application/vnd.google-apps."),
    );
  }
}

export function asGasBlob(blob: FakeBlob): GasBlob {
  return blob as unknown as GasBlob; // one cast: FakeBlob implements only BlobMethods
}

export type UtilitiesMethods =
  | "Charset"
  | "DigestAlgorithm"
  | "formatDate"
  | "formatString"
  | "getUuid"
  | "sleep"
  | "newBlob"
  | "base64Encode"
  | "base64EncodeWebSafe"
  | "base64Decode"
  | "base64DecodeWebSafe"
  | "computeDigest";

const DIGESTS: Record<string, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

export class FakeUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, UtilitiesMethods> {
  readonly Charset = gasEnum<typeof GoogleAppsScript.Utilities.Charset>(["US_ASCII", "UTF_8"]);
  readonly DigestAlgorithm = gasEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
    "MD2",
    "MD5",
    "SHA_1",
    "SHA_256",
    "SHA_384",
    "SHA_512",
  ]);
  private uuids = 0;

  constructor(private readonly rt: Runtime) {}

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("Utilities", `Utilities.${method}`, body);
  }

  /** SimpleDateFormat patterns (yyyy MM dd HH mm ss M d E ...) in the given zone, host TZ ignored */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    return this.call("formatDate", () => {
      const ms =
        Object.prototype.toString.call(date) === "[object Date]"
          ? (date as unknown as Date).getTime()
          : Number.NaN;
      if (!Number.isFinite(ms))
        throw badParameters("Utilities.formatDate", [date, timeZone, format]);
      return formatDate(ms, timeZone, format);
    });
  }

  formatString(template: string, ...args: unknown[]): string {
    return this.call("formatString", () => sprintf(template, args));
  }

  /** deterministic v4-shaped ids */
  getUuid(): string {
    return this.call("getUuid", () => {
      this.uuids += 1;
      const hex = this.uuids.toString(16).padStart(12, "0");
      return `00000000-0000-4000-8000-${hex}`;
    });
  }

  /** advances the fake clock only */
  sleep(milliseconds: number): void {
    this.rt.call("Utilities", "Utilities.sleep", () => undefined, {
      ms: Math.max(0, milliseconds),
      detail: String(milliseconds),
    });
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): GasBlob {
    return this.call("newBlob", () =>
      asGasBlob(new FakeBlob(this.rt, toBuffer(data), contentType ?? null, name ?? null)),
    );
  }

  base64Encode(data: string | Byte[]): string {
    return this.call("base64Encode", () => toBuffer(data).toString("base64"));
  }

  base64EncodeWebSafe(data: string | Byte[]): string {
    return this.call("base64EncodeWebSafe", () =>
      toBuffer(data).toString("base64").replace(/\+/g, "-").replace(/\//g, "_"),
    );
  }

  base64Decode(encoded: string): Byte[] {
    return this.call("base64Decode", () => toSigned(Buffer.from(encoded, "base64")));
  }

  base64DecodeWebSafe(encoded: string): Byte[] {
    return this.call("base64DecodeWebSafe", () => toSigned(Buffer.from(encoded, "base64url")));
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Byte[],
  ): Byte[] {
    return this.call("computeDigest", () => {
      const name = DIGESTS[String(algorithm)];
      if (!name) throw badParameters("Utilities.computeDigest", [algorithm, value]);
      return toSigned(createHash(name).update(toBuffer(value)).digest());
    });
  }
}
