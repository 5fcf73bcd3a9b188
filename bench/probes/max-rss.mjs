// Preloaded with --import when GNU time is missing: leaves this process's peak RSS (KiB) in a file.
import { writeFileSync } from 'node:fs';

const file = process.env.PGVIGIL_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
