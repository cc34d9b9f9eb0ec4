export * from "./deck-layout";
export * from "./measure";
export * from "./theme";
export * from "./types";
export * from "./doc-layout";
