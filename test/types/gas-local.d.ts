declare module "gas-local" {
  /** Loads every .js file of a folder (filtered) into a vm context built from globalObject. */
  export function require(
    folderPath: string,
    globalObject?: Record<string, unknown>,
    options?: { filter?: (path: string) => boolean },
  ): Record<string, unknown>;
  const gasLocal: { require: typeof require };
  export default gasLocal;
}
