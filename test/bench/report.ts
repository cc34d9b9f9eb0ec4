/** The bench's output: a plain-text table for the terminal and the same rows as JSON. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Measurement } from "./measure";

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

const thousands = (n: number) => n.toLocaleString("en-US");

export function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 100 ? thousands(Math.round(s)) : s.toFixed(s >= 10 ? 1 : 2);
}

interface Column {
  readonly title: string;
  readonly right: boolean;
  readonly cell: (m: Measurement) => string;
}

const COLUMNS: readonly Column[] = [
  { title: "use case", right: false, cell: (m) => m.useCase },
  { title: "scale", right: true, cell: (m) => `${m.scale}x` },
  { title: "取組", right: true, cell: (m) => thousands(m.measures) },
  { title: "進捗 rows", right: true, cell: (m) => thousands(m.progressRows) },
  { title: "calls", right: true, cell: (m) => thousands(m.calls) },
  { title: "reads", right: true, cell: (m) => thousands(m.reads) },
  { title: "writes", right: true, cell: (m) => thousands(m.writes) },
  { title: "props", right: true, cell: (m) => thousands(m.propertyCalls) },
  { title: "projected s", right: true, cell: (m) => seconds(m.projectedMs) },
  {
    title: "fits 6 min?",
    right: false,
    cell: (m) =>
      `${m.fitsOneExecution ? "yes" : "NO"}${m.executions > 1 ? ` (${m.executions} runs)` : ""}`,
  },
  { title: "budget", right: false, cell: (m) => (m.outcome === "ok" ? m.budget : "FAILED") },
];

export function table(rows: readonly Measurement[]): string {
  const cells = rows.map((m) => COLUMNS.map((c) => c.cell(m)));
  const widths = COLUMNS.map((c, i) =>
    Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, COLUMNS[i]?.right ?? false))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(COLUMNS.map((c) => c.title)), rule];
  let previous = "";
  for (const [i, m] of rows.entries()) {
    if (previous !== "" && m.key !== previous) out.push("");
    previous = m.key;
    out.push(line(cells[i] ?? []));
  }
  return out.join("\n");
}

export function writeJson(path: string, content: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}
