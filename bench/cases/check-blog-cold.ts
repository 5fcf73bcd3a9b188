import { cliCase } from './cli-case.js';

export const checkBlogCold = cliCase({
  name: 'check-blog-cold',
  what: '`pgvigil check examples/blog --format json`, fresh process, wall',
  args: () => ['check', 'examples/blog', '--format', 'json'],
  targetMs: 3000,
});
