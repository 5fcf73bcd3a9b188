import { generateLog } from './generate-log.js';

/** `npx tsx bench/logs/write-log.ts <file> [megabytes]`: the benchmark's log, to look at or to time by hand. */
const [file, megabytes = '1024'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: npx tsx bench/logs/write-log.ts <file> [megabytes]\n');
  process.exit(2);
}
const started = Date.now();
const { statements } = generateLog(file, { bytes: Number(megabytes) * 1024 * 1024 });
process.stdout.write(`${file}: ${megabytes} MB, ${statements} statements in ${Date.now() - started} ms\n`);
