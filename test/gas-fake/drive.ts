/**
 * DriveApp: files and folders. The bound spreadsheet, every Doc and every presentation are Files
 * here; makeCopy of one of those copies its content too (templates). The root folder is
 * "folder-root", which also holds the bound spreadsheet.
 */
import { GasError } from "./errors";
import type { Runtime } from "./runtime";
import { asGasBlob, FakeBlob } from "./utilities";

type GasFile = GoogleAppsScript.Drive.File;
type GasFolder = GoogleAppsScript.Drive.Folder;

export const MIME = {
  spreadsheet: "application/vnd.google-apps.spreadsheet",
  document: "application/vnd.google-apps.document",
  presentation: "application/vnd.google-apps.presentation",
  folder: "application/vnd.google-apps.folder",
} as const;

export const ROOT_FOLDER_ID = "folder-root";

const NOT_FOUND =
  "No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.";

export function fileUrl(id: string, mimeType: string): string {
  switch (mimeType) {
    case MIME.spreadsheet:
      return `https://docs.google.com/spreadsheets/d/${id}/edit`;
    case MIME.document:
      return `https://docs.google.com/document/d/${id}/edit`;
    case MIME.presentation:
      return `https://docs.google.com/presentation/d/${id}/edit`;
    default:
      return `https://drive.google.com/file/d/${id}/view?usp=drivesdk`;
  }
}

const ID_PREFIX: Record<string, string> = {
  [MIME.spreadsheet]: "spreadsheet",
  [MIME.document]: "doc",
  [MIME.presentation]: "slides",
};

/** copies the content behind a file of that MIME type (docs, decks, spreadsheets) */
export type ContentCopier = (sourceId: string, newId: string, newName: string) => void;

export class DriveStore {
  readonly files = new Map<string, FakeDriveFile>();
  readonly folders = new Map<string, FakeFolder>();
  readonly copiers = new Map<string, ContentCopier>();

  constructor(private readonly rt: Runtime) {
    this.folders.set(ROOT_FOLDER_ID, new FakeFolder(rt, this, ROOT_FOLDER_ID, "マイドライブ", []));
  }

  addFile(
    name: string,
    mimeType: string,
    parentId = ROOT_FOLDER_ID,
    id?: string,
    content?: Buffer,
  ): FakeDriveFile {
    const fileId = id ?? this.rt.nextId(ID_PREFIX[mimeType] ?? "file");
    const file = new FakeDriveFile(this.rt, this, fileId, name, mimeType, [parentId], content);
    this.files.set(fileId, file);
    return file;
  }

  addFolder(name: string, parentId = ROOT_FOLDER_ID, id?: string): FakeFolder {
    const folderId = id ?? this.rt.nextId("folder");
    const folder = new FakeFolder(this.rt, this, folderId, name, [parentId]);
    this.folders.set(folderId, folder);
    return folder;
  }

  file(id: string): FakeDriveFile {
    const f = this.files.get(id);
    if (!f || f.trashed) throw new GasError(NOT_FOUND);
    return f;
  }

  folder(id: string): FakeFolder {
    const f = this.folders.get(id);
    if (!f || f.trashed) throw new GasError(NOT_FOUND);
    return f;
  }

  /** rename the File behind a Doc/deck/spreadsheet when the service renames it */
  rename(id: string, name: string): void {
    const f = this.files.get(id);
    if (f) f.name = name;
  }
}

export type FileMethods =
  | "getId"
  | "getName"
  | "setName"
  | "getUrl"
  | "getMimeType"
  | "makeCopy"
  | "moveTo"
  | "getParents"
  | "setTrashed"
  | "isTrashed"
  | "getBlob";

export class FakeDriveFile implements Pick<GasFile, FileMethods> {
  trashed = false;

  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
    readonly id: string,
    public name: string,
    readonly mimeType: string,
    public parentIds: string[],
    public content?: Buffer,
  ) {}

  get url(): string {
    return fileUrl(this.id, this.mimeType);
  }

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("DriveApp", `File.${method}`, body, { detail: this.id });
  }

  getId(): string {
    return this.call("getId", () => this.id);
  }

  getName(): string {
    return this.call("getName", () => this.name);
  }

  setName(name: string): GasFile {
    return this.call("setName", () => {
      this.name = name;
      return asGasFile(this);
    });
  }

  getUrl(): string {
    return this.call("getUrl", () => this.url);
  }

  getMimeType(): string {
    return this.call("getMimeType", () => this.mimeType);
  }

  /** makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination) */
  makeCopy(a?: string | GasFolder, b?: GasFolder): GasFile {
    return this.call("makeCopy", () => {
      const name = typeof a === "string" ? a : `${this.name} のコピー`;
      const dest = typeof a === "string" ? b : a;
      const destIds = dest === undefined ? [...this.parentIds] : [folderOf(dest).id];
      const copy = this.store.addFile(
        name,
        this.mimeType,
        destIds[0],
        undefined,
        this.content && Buffer.from(this.content),
      );
      copy.parentIds = destIds;
      this.store.copiers.get(this.mimeType)?.(this.id, copy.id, name);
      return asGasFile(copy);
    });
  }

  moveTo(destination: GasFolder): GasFile {
    return this.call("moveTo", () => {
      this.parentIds = [folderOf(destination).id];
      return asGasFile(this);
    });
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return this.call("getParents", () =>
      iterator(
        this.rt,
        "FolderIterator",
        this.parentIds.map((id) => asGasFolder(this.store.folder(id))),
      ),
    );
  }

  setTrashed(trashed: boolean): GasFile {
    return this.call("setTrashed", () => {
      this.trashed = trashed;
      return asGasFile(this);
    });
  }

  isTrashed(): boolean {
    return this.call("isTrashed", () => this.trashed);
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this.call("getBlob", () =>
      asGasBlob(
        new FakeBlob(
          this.rt,
          Buffer.from(this.content ?? Buffer.alloc(0)),
          this.mimeType,
          this.name,
        ),
      ),
    );
  }
}

export type FolderMethods =
  | "getId"
  | "getName"
  | "setName"
  | "getUrl"
  | "getFiles"
  | "getFilesByName"
  | "getFolders"
  | "getParents"
  | "addFile"
  | "createFile"
  | "createFolder"
  | "isTrashed";

export class FakeFolder implements Pick<GasFolder, FolderMethods> {
  trashed = false;

  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
    readonly id: string,
    public name: string,
    public parentIds: string[],
  ) {}

  get url(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }

  private call<T>(method: string, body: () => T): T {
    return this.rt.call("DriveApp", `Folder.${method}`, body, { detail: this.id });
  }

  /** files directly in this folder, not trashed (fake-only, not ledgered) */
  children(): FakeDriveFile[] {
    return [...this.store.files.values()].filter(
      (f) => !f.trashed && f.parentIds.includes(this.id),
    );
  }

  getId(): string {
    return this.call("getId", () => this.id);
  }

  getName(): string {
    return this.call("getName", () => this.name);
  }

  setName(name: string): GasFolder {
    return this.call("setName", () => {
      this.name = name;
      return asGasFolder(this);
    });
  }

  getUrl(): string {
    return this.call("getUrl", () => this.url);
  }

  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.call("getFiles", () =>
      iterator(this.rt, "FileIterator", this.children().map(asGasFile)),
    );
  }

  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.call("getFilesByName", () =>
      iterator(
        this.rt,
        "FileIterator",
        this.children()
          .filter((f) => f.name === name)
          .map(asGasFile),
      ),
    );
  }

  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.call("getFolders", () =>
      iterator(
        this.rt,
        "FolderIterator",
        [...this.store.folders.values()]
          .filter((f) => !f.trashed && f.parentIds.includes(this.id))
          .map(asGasFolder),
      ),
    );
  }

  getParents(): GoogleAppsScript.Drive.FolderIterator {
    return this.call("getParents", () =>
      iterator(
        this.rt,
        "FolderIterator",
        this.parentIds.map((id) => asGasFolder(this.store.folder(id))),
      ),
    );
  }

  /** adds a parent (a file may sit in several folders, as in classic Drive) */
  addFile(child: GasFile): GasFolder {
    return this.call("addFile", () => {
      const file = fileOf(child);
      if (!file.parentIds.includes(this.id)) file.parentIds.push(this.id);
      return asGasFolder(this);
    });
  }

  createFile(
    a: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): GasFile {
    return this.call("createFile", () => createFile(this.store, this.id, a, content, mimeType));
  }

  createFolder(name: string): GasFolder {
    return this.call("createFolder", () => asGasFolder(this.store.addFolder(name, this.id)));
  }

  isTrashed(): boolean {
    return this.call("isTrashed", () => this.trashed);
  }
}

function createFile(
  store: DriveStore,
  folderId: string,
  a: string | GoogleAppsScript.Base.BlobSource,
  content?: string,
  mimeType?: string,
): GasFile {
  if (typeof a === "string") {
    return asGasFile(
      store.addFile(
        a,
        mimeType ?? "text/plain",
        folderId,
        undefined,
        Buffer.from(content ?? "", "utf8"),
      ),
    );
  }
  const blob = a.getBlob();
  const bytes = Buffer.from(blob.getBytes().map((b) => b & 0xff));
  return asGasFile(
    store.addFile(
      blob.getName() ?? "無題",
      blob.getContentType() ?? "application/octet-stream",
      folderId,
      undefined,
      bytes,
    ),
  );
}

export type DriveAppMethods =
  | "getFileById"
  | "getFolderById"
  | "getRootFolder"
  | "createFolder"
  | "createFile";

export class FakeDriveApp implements Pick<GoogleAppsScript.Drive.DriveApp, DriveAppMethods> {
  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
  ) {}

  getFileById(id: string): GasFile {
    return this.rt.call("DriveApp", "DriveApp.getFileById", () => asGasFile(this.store.file(id)), {
      detail: id,
    });
  }

  getFolderById(id: string): GasFolder {
    return this.rt.call(
      "DriveApp",
      "DriveApp.getFolderById",
      () => asGasFolder(this.store.folder(id)),
      { detail: id },
    );
  }

  getRootFolder(): GasFolder {
    return this.rt.call("DriveApp", "DriveApp.getRootFolder", () =>
      asGasFolder(this.store.folder(ROOT_FOLDER_ID)),
    );
  }

  createFolder(name: string): GasFolder {
    return this.rt.call(
      "DriveApp",
      "DriveApp.createFolder",
      () => asGasFolder(this.store.addFolder(name)),
      { detail: name },
    );
  }

  createFile(
    a: string | GoogleAppsScript.Base.BlobSource,
    content?: string,
    mimeType?: string,
  ): GasFile {
    return this.rt.call("DriveApp", "DriveApp.createFile", () =>
      createFile(this.store, ROOT_FOLDER_ID, a, content, mimeType),
    );
  }
}

interface GasIterator<T> {
  hasNext(): boolean;
  next(): T;
  getContinuationToken(): string;
}

/** structurally GAS's FileIterator / FolderIterator */
function iterator<T>(
  rt: Runtime,
  cls: "FileIterator" | "FolderIterator",
  items: T[],
): GasIterator<T> {
  let i = 0;
  const it: GasIterator<T> = {
    hasNext: () => rt.call("DriveApp", `${cls}.hasNext`, () => i < items.length),
    next: () =>
      rt.call("DriveApp", `${cls}.next`, () => {
        const item = items[i];
        if (i >= items.length || item === undefined)
          throw new GasError("Cannot retrieve the next object: iterator has reached the end.");
        i += 1;
        return item;
      }),
    getContinuationToken: () => String(i),
  };
  return it;
}

export function asGasFile(f: FakeDriveFile): GasFile {
  return f as unknown as GasFile; // one cast: FakeDriveFile implements only FileMethods
}

export function asGasFolder(f: FakeFolder): GasFolder {
  return f as unknown as GasFolder; // one cast: FakeFolder implements only FolderMethods
}

function folderOf(folder: unknown): FakeFolder {
  if (folder instanceof FakeFolder) return folder;
  throw new GasError("Invalid argument: destination");
}

function fileOf(file: unknown): FakeDriveFile {
  if (file instanceof FakeDriveFile) return file;
  throw new GasError("Invalid argument: child");
}
