export * from "./columns";
export * from "./export";
export * from "./merge";
export * from "./outputs";
export * from "./reminder";
export { sha256Hex } from "./sha256";
export * from "./stamp";
