export * from "./columns";
export * from "./export";
export * from "./merge";
export { sha256Hex } from "./sha256";
export * from "./stamp";
