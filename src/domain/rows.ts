/**
 * Row arithmetic shared by the stores. A loop, not Math.max(...rows): spreading 168,000 rows
 * into one call overflows the stack (the 1000× registry has that many 進捗 rows).
 */

/** The widest row's length, at least `min`. */
export function widestRow(values: readonly (readonly unknown[])[], min = 0): number {
  let width = min;
  for (const r of values) if (r.length > width) width = r.length;
  return width;
}

/** Ragged rows padded with "" to the rectangle setValues insists on (at least `min` wide). */
export function rectangle(values: readonly (readonly unknown[])[], min = 0): unknown[][] {
  const width = widestRow(values, min);
  return values.map((r) => [...r, ...Array.from({ length: width - r.length }, () => "")]);
}
