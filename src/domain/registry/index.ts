export * from "./cells";
export * from "./model";
export { type ParseResult, parseRegistry, REQUIRED_SHEETS } from "./parse";
export { parseGradeRules, parseGrades, reportDateOf } from "./settings";
export { type RawSheet, type SheetTable, toTable } from "./table";
