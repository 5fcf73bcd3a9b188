import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Eight posts with five comments each: enough rows for a loop over them to pass minRepeats (5). */
export const BLOG_SCHEMA = `
  CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL);
  CREATE TABLE comments (id serial PRIMARY KEY, post_id int NOT NULL REFERENCES posts, body text NOT NULL);
  INSERT INTO posts SELECT g, 'post ' || g FROM generate_series(1, 8) g;
  INSERT INTO comments (post_id, body) SELECT 1 + g % 8, 'comment ' || g FROM generate_series(1, 40) g;`;

/** The 1-based line of a test file (an import.meta.url) that carries the marker comment. */
export function lineOf(fileUrl: string, marker: string): { file: string; line: number } {
  const file = fileURLToPath(fileUrl);
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(`// ${marker}`));
  if (index < 0) throw new Error(`no line marked "// ${marker}" in ${file}`);
  return { file, line: index + 1 };
}
