export * from "./columns";
export * from "./headers";
export * from "./layout";
export * from "./settings";
