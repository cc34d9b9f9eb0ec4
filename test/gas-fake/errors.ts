/**
 * Errors shaped like the ones GAS (V8 runtime) throws: `name` is "Exception", so String(e) and
 * stack traces read "Exception: <message>", while e.message is the bare message.
 * They are host-realm Errors: code running in a vm context should not test `instanceof Error`.
 */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Exception";
  }
}

/** What advanced services (Slides) throw when the REST call fails. */
export class GoogleJsonResponseError extends Error {
  constructor(apiMethod: string, message: string) {
    super(`API call to ${apiMethod} failed with error: ${message}`);
    this.name = "GoogleJsonResponseException";
  }
}

export function toError(error: Error | string): Error {
  return typeof error === "string" ? new GasError(error) : error;
}

/** GAS rejects wrong argument shapes with this wording. */
export function badParameters(method: string, args: readonly unknown[]): GasError {
  const types = args.map((a) => (a === null ? "null" : Array.isArray(a) ? "Array" : typeof a));
  return new GasError(
    `The parameters (${types.join(",")}) don't match the method signature for ${method}.`,
  );
}
