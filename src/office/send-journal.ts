/**
 * The send journal offline: a file beside the registry (short fixed-length name) where each
 * digest's intent is written and flushed to disk (fsync) before the mail goes, and its outcome
 * after. It is removed only once a saved registry holding those 送信記録 rows has been read back
 * from disk; until then every run starts by writing what it holds into 送信記録, so a run killed
 * at any moment never makes the next one send the same digest again.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { SEND_RESULTS, type SendLogLike, type SendLogRow } from "../domain/reminders";
import type { SendJournal } from "../ports";
import { crashPoint } from "./crash-points";
import { fsyncFolder } from "./durable-fs";
import { besideFile } from "./file-names";

interface Line {
  readonly t: "intent" | "outcome";
  readonly row: [string, string, string, string, string, number, string];
}

/** What an interrupted run left: the 送信記録 rows it owes, and the sends of unknown fate. */
export interface JournalState {
  readonly rows: readonly SendLogRow[];
  /** keys whose intent has no outcome: killed while sending; logged as sent, never resent */
  readonly uncertain: readonly string[];
  /** line numbers cut off by a crash (only ever the last, written before its send) */
  readonly torn: readonly number[];
}

/** 結果 for a send interrupted before the server's answer was recorded. */
export const UNCERTAIN_RESULT = `${SEND_RESULTS.sent}（送信中に中断: 到達未確認）`;

export class FileSendJournal implements SendJournal {
  readonly path: string;
  /** outcomes written by this run, to check against the saved registry */
  readonly settled: SendLogRow[] = [];

  constructor(registryFile: string) {
    this.path = besideFile(registryFile, "journal");
  }

  private append(line: Line): void {
    const created = !existsSync(this.path);
    const fd = openSync(this.path, "a");
    try {
      writeSync(fd, `${JSON.stringify(line)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (created) fsyncFolder(dirname(this.path));
  }

  private static encode(row: SendLogRow): Line["row"] {
    return [row[0].toISOString(), row[1], row[2], row[3], row[4], row[5], row[6]];
  }

  intend(row: SendLogRow): void {
    this.append({ t: "intent", row: FileSendJournal.encode(row) });
    crashPoint("journal:intent");
  }

  settle(row: SendLogRow): void {
    this.append({ t: "outcome", row: FileSendJournal.encode(row) });
    this.settled.push(row);
    crashPoint("journal:outcome");
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  /** What the journal holds, in order: each key's last outcome, or its intent if none. */
  read(): JournalState {
    if (!this.exists()) return { rows: [], uncertain: [], torn: [] };
    const lines = readFileSync(this.path, "utf8").split("\n");
    const rows: SendLogRow[] = [];
    const open = new Map<string, SendLogRow>();
    const torn: number[] = [];
    lines.forEach((text, i) => {
      if (text.trim() === "") return;
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        torn.push(i + 1);
        return;
      }
      const [at, key, kind, division, to, count, result] = line.row;
      const row: SendLogRow = [
        new Date(at),
        key,
        kind as SendLogRow[2],
        division,
        to,
        count,
        result,
      ];
      if (line.t === "intent") open.set(key, row);
      else {
        open.delete(key);
        rows.push(row);
      }
    });
    const uncertain = [...open.keys()];
    for (const row of open.values())
      rows.push([...row.slice(0, 6), UNCERTAIN_RESULT] as SendLogRow);
    return { rows, uncertain, torn };
  }

  clear(): void {
    rmSync(this.path, { force: true });
    fsyncFolder(dirname(this.path));
  }
}

const identity = (key: string, result: string) => `${key.trim()}\u0000${result.trim()}`;

/** The journal rows that 送信記録 does not hold yet (same key and same 結果). */
export function rowsMissingFromLog(
  rows: readonly SendLogRow[],
  log: readonly SendLogLike[],
): SendLogRow[] {
  const present = new Set(log.map((e) => identity(e.key, e.result)));
  return rows.filter((r) => !present.has(identity(r[1], r[6])));
}
