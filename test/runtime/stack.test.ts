import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { applicationFrames, captureStack } from '../../src/runtime/stack.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('keeps only the application frames, also when source maps turn dist/runtime into src/runtime', () => {
  const stack = [
    'Error',
    `    at recordCall (${root}src/runtime/record-call.ts:54:81)`,
    `    at q.query (file://${root}dist/runtime/watch-pglite.js:50:28)`,
    '    at PGlite.query (file:///app/node_modules/@electric-sql/pglite/dist/index.js:3:99)',
    '    at async postsWithComments (file:///app/src/posts.js:5:31)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    '    at /app/test/posts.test.js:12:3',
  ].join('\n');
  expect(applicationFrames(stack)).toEqual([
    { file: '/app/src/posts.js', line: 5, column: 31, function: 'postsWithComments' },
    { file: '/app/test/posts.test.js', line: 12, column: 3 },
  ]);
});

it('sees the caller of a real call, at its line', () => {
  const here = (): string => captureStack();
  const [frame] = applicationFrames(here());
  expect(frame).toMatchObject({ file: fileURLToPath(import.meta.url), function: 'here' });
});
