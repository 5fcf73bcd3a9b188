import { writeFile } from 'node:fs/promises';
import { renderRulesIndex } from '../src/rules/docs-index.js';
import { allRuleMetas } from '../src/rules/registry.js';

await writeFile(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex(allRuleMetas));
