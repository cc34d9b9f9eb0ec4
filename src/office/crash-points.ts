/**
 * Named points where a test may kill the process (SIGKILL, as a power cut or kill -9 would):
 * GENKI_CRASH_AT=name or name:N (the Nth time the point is passed). Without the variable, a
 * no-op. This is how the durability tests stop a run at an exact moment, without timing races.
 */
const passed = new Map<string, number>();

export function crashPoint(name: string): void {
  const spec = process.env.GENKI_CRASH_AT;
  if (!spec) return;
  const m = /^(.*?)(?::(\d+))?$/.exec(spec);
  const point = m?.[1];
  const nth = m?.[2];
  if (point !== name) return;
  const count = (passed.get(name) ?? 0) + 1;
  passed.set(name, count);
  if (count === Number(nth ?? "1")) process.kill(process.pid, "SIGKILL");
}
