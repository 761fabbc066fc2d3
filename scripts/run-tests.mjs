// `npm test` and `npm run test:db`: node:test over the given glob patterns, two files at a time, each file in its own
// process started with tsx and with V8's memory protection keys off. On CPUs with PKU (AMD EPYC, Intel Xeon) V8's
// JIT-page tracking can abort a process that creates and frees many PGlite WebAssembly instances ("Check failed:
// jit_page.has_value()", nodejs/node#64500); V8 flags cannot go through NODE_OPTIONS, and `node --test` does not pass
// them on to the files' processes, so the runner is started here with `execArgv`. ADR 001.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const globPatterns = process.argv.slice(2);
if (globPatterns.length === 0) {
  console.error('Angiv hvilke testfiler der skal køres, fx "src/**/*.test.ts".');
  process.exit(2);
}
const stream = run({
  globPatterns,
  concurrency: 2,
  execArgv: ['--no-memory-protection-keys', '--import', 'tsx'],
});
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
