#!/usr/bin/env node
// The `salesbook` binary runs the built command line (dist/); before a build it says how to make one.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
const buildHint = 'run `npx nx run @salesbook/cli:build` (or `npm run build`) in the repository first';

if (!existsSync(entry)) {
  console.error(`salesbook: the command line is not built yet; ${buildHint}`);
  process.exit(1);
}
try {
  await import(entry.href);
} catch (error) {
  // A workspace package it imports was not built (its dist/ is missing).
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /@salesbook\//.test(String(error.message))) {
    console.error(`salesbook: a Salesbook package is not built (${error.message.split('\n')[0]}); ${buildHint}`);
    process.exit(1);
  }
  throw error;
}
