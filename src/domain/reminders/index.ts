/** Reminders: who owes which progress report, and the digests to mail them (plain data). */
export * from "./kinds";
export * from "./owed";
export * from "./plan";
export * from "./preflight";
export * from "./problem-text";
export * from "./render";
export * from "./send-log";
