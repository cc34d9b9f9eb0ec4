export * from "./columns";
export * from "./headers";
export * from "./settings";
export * from "./layout";
