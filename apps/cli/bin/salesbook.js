#!/usr/bin/env node
// The `salesbook` binary runs the built command line (dist/main.js, one bundle with the workspace's packages in it);
// before a build it says how to make one.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);

if (!existsSync(entry)) {
  console.error(
    'salesbook: the command line is not built yet; run `npx nx run @salesbook/cli:build` (or `npm run build`) in the repository first',
  );
  process.exit(1);
}
await import(entry.href);
