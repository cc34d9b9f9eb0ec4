export * from "./deck-layout";
export * from "./doc-layout";
export * from "./measure";
export * from "./theme";
export * from "./types";
