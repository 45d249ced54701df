import { safeJson, safeText } from './safe-text.js';

/** Writes a line of the command's answer to stdout, its control characters escaped (see `safeText`). */
export const out = (line: string): void => {
  process.stdout.write(`${safeText(line)}\n`);
};

/** Writes a line of commentary (progress notes, warnings) to stderr, so stdout stays the answer; controls escaped. */
export const note = (line: string): void => {
  process.stderr.write(`salesbook: ${safeText(line)}\n`);
};

/** Writes an error line to stderr as it is meant to be read (`salesbook: <message>`), controls escaped. */
export const fail = (line: string): void => {
  process.stderr.write(`${safeText(line)}\n`);
};

/** Writes JSON text to stdout (controls JSON leaves raw escaped, see `safeJson`), waiting when the pipe is full. */
export async function writeOut(json: string): Promise<void> {
  const chunk = safeJson(json);
  if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}
