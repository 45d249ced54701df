/** Exhaustiveness check for `switch` over a discriminated union: fails to compile when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
