export * from "./deck";
export * from "./model";
export * from "./pillar";
export * from "./text";
