// The EventStoreDB double in a process of its own: compiles test/support/esdb-double (TypeScript) to CommonJS under
// node_modules/.cache with @swc/core, starts it on the given port (0: any) over a fresh log, prints {"port":N} and
// serves until killed. Its log lives in this process only: a restart on the same port starts an empty double, so the
// multi-host test restarts it with the events it held (see the log file argument).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const source = join(root, 'test', 'support', 'esdb-double');
const out = join(root, 'node_modules', '.cache', 'salesbook-esdb-double');
const require = createRequire(import.meta.url);
const swc = require('@swc/core');

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
for (const name of readdirSync(source).filter((file) => file.endsWith('.ts'))) {
  const { code } = swc.transformSync(readFileSync(join(source, name), 'utf8'), {
    filename: name,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  writeFileSync(join(out, name.replace(/\.ts$/, '.js')), code);
}

const { startEsdbDouble, EsdbLog } = require(join(out, 'index.js'));
const [port = '0', saved] = process.argv.slice(2);
// The log is kept in a JSON file between runs of this process, as a server keeps its database on disk.
const log = saved !== undefined && existsSync(saved) ? EsdbLog.restore(readFileSync(saved, 'utf8')) : undefined;
const double = await startEsdbDouble({ port: Number(port), ...(log === undefined ? {} : { log }) });
// Written aside and renamed over the last copy, as a server replaces its files: the test kills this process (SIGKILL)
// at any moment, and one killed inside a write over the file itself left half a log that the next start could not read.
const persist = () => {
  if (saved === undefined) return;
  writeFileSync(`${saved}.next`, double.log.save());
  renameSync(`${saved}.next`, saved);
};
double.log.listen(persist);
persist();
process.stdout.write(`${JSON.stringify({ port: double.port })}\n`);
process.on('SIGTERM', () => {
  persist();
  void double.stop().then(() => process.exit(0));
});
