export const HELP = `pgvigil: keeps PostgreSQL from surprising you at 3am

Usage:
  pgvigil check [dir]        schema, migrations and queries of a project, on embedded Postgres
                             (finds schema.sql or structure.sql, migrations/, queries/ under dir)
  pgvigil lint <dir | file... | ->
                             migration safety: each migration runs as its tool runs it, after
                             the --schema files, and each statement is judged by what PostgreSQL
                             did (locks, rewrites, scans); - reads one migration from standard
                             input (<stdin> in the findings). A folder with no migration passes,
                             with a line on stderr saying what was looked for (also check, verify)
  pgvigil verify <dir>       migration reversibility: each migration up, down and up again, after
                             the --schema files; the schema after down must equal the one before
                             up, and rows in dropped or retyped tables and columns must come back;
                             a migration without a down gets one proposed, checked the same way
  pgvigil explain <query | file.sql | plan.json | plan.txt | ->
                             the plan as a tree with the time per node and the hot path, and
                             what is wrong with it in plain words (-: SQL or a plan from standard
                             input, <stdin> in the findings). SQL runs under EXPLAIN
                             (ANALYZE, BUFFERS) in a transaction that is always rolled back;
                             $1 queries get a generic plan (not run). Without --db: embedded
                             Postgres with the --schema files and synthetic rows (--rows).
                             Then the index advisor's proven suggestions for the query
  pgvigil advise <queries dir | file.sql | - | --log postgres.log>
                             indexes for the whole workload (- and --log -: queries or a log
                             from standard input), each proven by planning every
                             query with and without it (real CREATE INDEX rolled back on
                             embedded Postgres; with --db, HypoPG hypothetical indexes only,
                             or --scratch), with its cost saved, size and CREATE INDEX
                             CONCURRENTLY statement
  pgvigil stats export --db <url> [-o stats.json] [--schema s]... [--table t]...
                             the planner statistics of a database, read-only (pg_class sizes,
                             each column's pg_stats row: sampled values included, docs/stats.md),
                             for explain --stats and advise --stats; tables the role may not
                             read are named and skipped
  pgvigil n1 <log | trace | dir | ->...
                             N+1 queries: in PostgreSQL logs (stderr with any log_line_prefix,
                             csvlog, jsonlog; gzip too; - reads one from standard input as it
                             comes), per session and transaction; in OTLP
                             JSON traces, per trace and parent span; and query calls inside
                             loops in the JavaScript/TypeScript files of a folder
                             (no-query-in-loop). Each finding comes with the batched query that
                             replaces the loop; auto_explain plans in a log get the plan rules.
                             A progress bar on stderr when it is a terminal (not with --quiet)
  pgvigil top --db <url>     the statements that cost the database the most time, from
                             pg_stat_statements (planning plus execution), each with the plan
                             rules' findings on its generic plan (never run), HypoPG index advice,
                             and possible N+1s (a lookup whose calls follow another query's rows)
  pgvigil health --db <url>...
                             what will page you at 3am, read-only: the schema rules on the live
                             catalog, unused indexes, bloat estimates, autovacuum lag, wraparound,
                             sequences near their limit, tables read by sequential scans, cache
                             hit ratio, long and idle transactions, blocked queries with their
                             lock chain, connections, inactive replication slots (docs/health.md)
  pgvigil pooling [--db <url>] [--app <dir>] [log | file.sql | dir | -]...
                             connection pooling, read-only (-: SQL from standard input): the
                             pooler in front of the database (PgBouncer, Supavisor; proven by two
                             clients sharing a backend, or PgBouncer's admin console when the
                             URL's database is pgbouncer), session features that break behind a
                             transaction-mode pooler (SET, session advisory locks, LISTEN,
                             PREPARE, temporary tables, WITH HOLD cursors, LOAD) in SQL files,
                             logs and code, driver settings (Prisma pgbouncer=true, postgres.js
                             prepare: false, named pg statements), and pool sizes against
                             max_connections (docs/pooling.md)
  pgvigil serve --db <url>...
                             a local dashboard over health and top (findings, top statements
                             with their plans), read-only, refreshed every --interval (default
                             30s); binds 127.0.0.1:8432 (--host, --port); bound to any other
                             address it requires the random token it prints (docs/serve.md)

Options:
  --format <f>      text (default), json, sarif, github, html (one self-contained page)
  --config <file>   config file (default: <dir>/pgvigil.config.json when present)
  --schema <file>   check, lint, verify, explain, advise: a schema file to load first, instead
                    of the one found (repeatable)
                    stats export: a PostgreSQL schema to export (repeatable)
  --assume-in-transaction, --no-transaction
                    lint: run every migration in one transaction, or none in one,
                    instead of what the migration tool does
  --static          lint: no engine; each statement is judged by what its parse tree
                    predicts (locks as the manual documents them; rewrites and scans
                    assumed where only the catalog could tell). For editors and hooks
  --trace           lint, check: the lock timeline of each migration (every lock that blocks
                    writes on an existing table, from the statement that took it to its
                    COMMIT, with the statements in between; outside a transaction, during
                    the statement only), every such lock no rule explained, and per statement
                    the locks, rewrites, index builds, scans and rows it touched (rules
                    lock-timeline, observed-strong-lock and trace-step)
  --with-data       verify: every table the up step did not create must hold as many rows
                    after up and down as before (seeded with synthetic rows)
  --pg-version <v>  lint: the PostgreSQL version to judge for (13, 13.4 or 130004);
                    default 18. Without --static the embedded engine still runs
                    PostgreSQL 18: what it observes is 18's, the rules' advice is for v,
                    and a statement in a form v refuses is reported refused, not run
  --db <url>        lint, check: read table sizes from this server's statistics (read-only): findings
                    whose cost grows with the table are info on tables it calls small
                    lint --trace, check --trace: also run the trace in a scratch database created on this
                    server from --schema (always dropped; the URL's database is never written)
                    verify: run in a scratch database created on this server (always dropped;
                    never touches the database named in the URL) instead of embedded Postgres
                    explain: plan and run on this server, read-only (writes are only planned)
                    advise: plan on this server, read-only, with HypoPG's hypothetical indexes;
                    without a queries dir or --log, the workload is pg_stat_statements'
                    (weighted by time)
                    top: the server whose pg_stat_statements to read (read-only session)
                    health: a database to check (repeatable, checked concurrently; the URLs of
                    a primary and its replicas are judged together: an index is unused only
                    when no server scanned it)
                    serve: a database to watch (repeatable, as health)
                    pooling: the URL the application connects with: the pooler behind it is
                    found and asked (read-only)
                    stats export: the database whose statistics to export (read-only)
  --scratch         advise, explain --db on a server without HypoPG: try the indexes in a
                    scratch database created on it (CREATEDB; always dropped) holding a copy of
                    the schema with synthetic rows up to production's counts (100,000 at most)
                    and, on PostgreSQL 18+, production's statistics; the database is only read
  --log <file>      advise: the workload of a PostgreSQL log (stderr, csvlog, jsonlog; as n1
                    reads them; - for standard input), each statement weighted by its count x
                    mean logged duration
  --db-file <file>  health: a file of connection URLs, one a line (# comments allowed)
  --timeout <d>     explain: statement_timeout for each query (default 30s; 500ms, 2min)
                    top: statement_timeout of its session (default 5s)
                    health: statement_timeout of its sessions (default 5s)
                    verify: longest one migration may run on embedded Postgres before it is
                    stopped (default 2min); with --db, the scratch session's statement_timeout
                    lint --trace --db: the scratch session's statement_timeout
  --rows <n>        explain, advise: synthetic rows per empty table on embedded Postgres (default 10000)
                    --rows posts=500000 (repeatable): that table's count. At most 1,000,000
                    rows in all tables together (with the config's data.rows; more is refused:
                    for production's size, pgvigil stats export and --stats); the default is
                    lowered to fit a schema of many tables
  --distribution <table.column=spec>
                    explain, advise: how the synthetic values of a column spread (repeatable):
                    uniform, zipf, zipf:<n>, distinct:<n>, values:a=0.9,b=0.1, nulls:<share>
  --stats <file>    explain, advise: production statistics from pgvigil stats export, restored
                    on embedded Postgres over the synthetic rows (plans are estimated, not run)
                    (--rows, --distribution and --stats can sit in the config's "data"; a flag wins)
  --table <t>       stats export: only this table (name or schema.name; repeatable)
  --max-indexes <n> advise: suggest at most n indexes (default 10)
  --min-repeats <n> n1: executions in a row of one query (or a sequence of two or three) in one
                    session, transaction or parent span that make a finding (default 5)
  --log-prefix <p>  n1, advise --log: the server's log_line_prefix, when it is not a common one
                    ('%m [%p] ', '%t [%p]: [%l-1] user=%u,db=%d ', '%m [%p] %q%u@%d ', ...)
  --sort <key>      top: rank by total (default), mean, calls, rows or reads (shared blocks read)
  --limit <n>       top, serve: show the first n statements (default 10)
  --interval <d>    top: two snapshots d apart (30s, 500ms, 2min); rank what ran in between
                    serve: how often the dashboard checks again (default 30s)
  --host <addr>     serve: the address to listen on (default 127.0.0.1; any other needs the token)
  --port <n>        serve: the port to listen on (default 8432; 0 picks a free one)
  --app <dir>       pooling: the application's folder: query calls and pools in its
                    JavaScript/TypeScript, schema.prisma and the .env it reads
  --instances <n>   pooling: instances of the application, each opening the pools found (default 1)
  --server-cores <n>
                    pooling: CPU cores of the database server (SQL cannot see them), for the
                    recommended pool size (cores × 2)
  --fail-on <sev>   exit 1 when a finding is at least this severe: error (default), warning, info
  -o, --output <file>
                    write the report to a file instead of stdout (stats export: the JSON)
  --quiet           print only errors (text format)
  --no-color        no colours (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help        this help; after a command (pgvigil lint --help), that command's part of it
  -v, --version     the version

Standard input: - in place of an input file (explain, lint, advise, advise --log, n1, pooling),
once a run; findings name it <stdin>. Not a directory (check, verify) nor a file of an option.

Exit codes: 0 clean or only findings below --fail-on, 1 findings at or above --fail-on,
            2 usage, configuration or input error.
Rules and their docs: docs/rules/README.md
`;
