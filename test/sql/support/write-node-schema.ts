import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNodeSchema, renderNodeSchema } from './node-schema-source.js';

const target = fileURLToPath(new URL('../../../src/sql/node-schema.ts', import.meta.url));
writeFileSync(target, renderNodeSchema(readNodeSchema()));
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'inherit' });
