/**
 * A failure the command line reports as one line on stderr (no stack), with its exit code:
 * 1 when the work failed or found a problem, 2 when the command was used wrongly.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
