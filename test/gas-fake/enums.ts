/**
 * GAS enums are objects whose values print as their names. The fake uses the names themselves
 * (strings), so `x === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST` and String(x) both
 * behave as in GAS. TypeScript sees the ambient numeric enums of @types/google-apps-script;
 * `gasEnum` is the one place where the string table is cast to that type.
 */
export function gasEnum<T>(names: readonly string[]): T {
  const table: Record<string, string> = {};
  for (const name of names) table[name] = name;
  return Object.freeze(table) as unknown as T;
}

/** the member named `name` of a GAS enum type (same representation as gasEnum) */
export function enumValue<T>(name: string): T {
  return name as unknown as T;
}

/** the name of an enum member we handed out (or that code passed us) */
export function enumName(value: unknown): string {
  return String(value);
}
