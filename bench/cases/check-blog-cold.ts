import { join } from 'node:path';
import { type BenchCase, pgvigil, rowsOf } from '../case.js';
import { measureCommand } from '../measure.js';

/** The whole CLI as a user meets it: a new node process per run (the OS file cache is warm). */
export const checkBlogCold: BenchCase = {
  name: 'check-blog-cold',
  async run({ root, runs }) {
    const spec = {
      command: process.execPath,
      args: [join(root, 'dist/cli/main.js'), 'check', 'examples/blog', '--format', 'json'],
      cwd: root,
      // 1 means "found problems", which examples/blog is made to have.
      okExitCodes: [0, 1],
    };
    const measured = await measureCommand(spec, runs);
    return rowsOf([
      {
        name: 'check-blog-cold',
        what: '`pgvigil check examples/blog --format json`, fresh process, wall',
        pgvigil: pgvigil(measured.wall, measured.peakRssMb),
        targetMs: 3000,
      },
    ]);
  },
};
