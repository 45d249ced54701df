// The bundle an application (the command line, the API) runs from: its compiled modules with the workspace's packages,
// zod and fp-ts inlined, every other dependency imported from node_modules as published (native modules, packages
// that read their own files, Nest's optional imports). Node 20 spends about 2.5 ms on each ES module it loads, and
// the applications load about 700 of them; one file each (and a chunk per dynamic import) starts the command line in
// about a third of the CPU time. docs/decisions.md has the figures.
import { defineConfig } from 'rolldown';

/** Bare imports that go into the bundle; anything else bare stays an import. */
const INLINED = /^(@salesbook\/|zod(\/|$)|fp-ts(\/|$))/;

/**
 * Rolldown's options for bundling `input` (entry name to the compiled module) into `dir` as ES modules with source
 * maps; code shared by several entries goes into shared chunks, and a dynamic import stays one (it loads when used).
 * Every file lands in `dir` itself, so a module found beside the code (the API's read-model worker) is beside it in
 * any chunk.
 */
export function appBundle(input, dir) {
  return defineConfig({
    input,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !INLINED.test(id),
    output: { dir, cleanDir: true, format: 'esm', sourcemap: true, chunkFileNames: '[name]-[hash].js' },
  });
}
