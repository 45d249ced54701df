/** Writes a line of the command's answer to stdout. */
export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Writes a line of commentary (progress notes, warnings) to stderr, so stdout stays the answer. */
export const note = (line: string): void => {
  process.stderr.write(`salesbook: ${line}\n`);
};

/** Writes `chunk` to stdout, waiting when the pipe is full (exports of millions of events). */
export async function writeOut(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}
