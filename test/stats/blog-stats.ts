import type { Engine } from '../../src/engine/engine.js';

/** A blog whose posts table the tests fill with a million rows on the server. */
export const BLOG_SCHEMA = `
CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
  id bigint PRIMARY KEY, author_id int NOT NULL REFERENCES authors,
  status text NOT NULL CHECK (status IN ('published', 'hidden', 'draft')),
  created_at timestamptz NOT NULL, tags text[]
);
CREATE INDEX posts_author_idx ON posts (author_id);
CREATE INDEX posts_status_idx ON posts (status);
CREATE INDEX posts_created_idx ON posts (created_at);
CREATE INDEX authors_name_idx ON authors (name);`;

export const MILLION = 1_000_000;

/** 10,000 authors; posts 0.1 % draft, 10 % hidden, one a minute from 2020, 20 tags. */
export async function fillBlog(engine: Engine, posts = MILLION): Promise<void> {
  // A million rows take longer than pgvigil's default statement_timeout on a busy machine.
  if (engine.kind === 'server') await engine.exec('SET statement_timeout = 0');
  await engine.exec(`
    INSERT INTO authors SELECT g, 'a' || g FROM generate_series(1, 10000) g;
    INSERT INTO posts SELECT g, 1 + (g::int8 * 7919) % 10000,
      CASE WHEN g % 1000 = 0 THEN 'draft' WHEN g % 10 = 0 THEN 'hidden' ELSE 'published' END,
      timestamptz '2020-01-01 00:00Z' + g * interval '1 minute', ARRAY['t' || (g % 20)]
    FROM generate_series(1, ${posts}) g;
    ANALYZE`);
}

/** Queries whose plans depend on the statistics: a rare and a common value, a range, a join, an array. */
export const BLOG_QUERIES = {
  author: 'SELECT * FROM posts WHERE author_id = 42',
  draft: "SELECT * FROM posts WHERE status = 'draft'",
  published: "SELECT * FROM posts WHERE status = 'published'",
  recent: "SELECT count(*) FROM posts WHERE created_at > '2021-11-01'",
  join: "SELECT p.id FROM posts p JOIN authors a ON a.id = p.author_id WHERE a.name = 'a42'",
  tagged: "SELECT id FROM posts WHERE tags @> ARRAY['t3']",
} as const;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** Node types and index names, nested: what the planner chose. */
  readonly shape: string;
  /** The planner's row estimate of the scan of posts. */
  readonly postsRows: number;
}

function shapeOf(node: PlanNode): string {
  const index = node['Index Name'] ? `(${node['Index Name']})` : '';
  return `${node['Node Type']}${index}${node.Plans ? `[${node.Plans.map(shapeOf).join(', ')}]` : ''}`;
}

function postsScan(node: PlanNode): PlanNode | undefined {
  if (node['Relation Name'] === 'posts' || node['Index Name']?.startsWith('posts_')) return node;
  for (const child of node.Plans ?? []) {
    const found = postsScan(child);
    if (found) return found;
  }
  return undefined;
}

export async function planSummary(engine: Engine, sql: string): Promise<PlanSummary> {
  const { rows } = await engine.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`);
  const raw = rows[0]?.['QUERY PLAN'];
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const root = json[0]?.Plan as PlanNode;
  return { shape: shapeOf(root), postsRows: postsScan(root)?.['Plan Rows'] ?? Number.NaN };
}

export async function planSummaries(engine: Engine): Promise<Record<string, PlanSummary>> {
  const out: Record<string, PlanSummary> = {};
  for (const [name, sql] of Object.entries(BLOG_QUERIES)) out[name] = await planSummary(engine, sql);
  return out;
}
