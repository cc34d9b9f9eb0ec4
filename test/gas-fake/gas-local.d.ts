// gas-local ships no types. It loads every .js under a folder into one vm context built from
// `globals` and returns that context (so top-level functions are its properties).
declare module "gas-local" {
  interface GasLocal {
    require(
      folderPath: string,
      globalObject?: Record<string, unknown>,
      options?: { filter?: (path: string) => boolean },
    ): Record<string, unknown>;
    globalMockDefault: Record<string, unknown>;
  }
  const gas: GasLocal;
  export default gas;
}
