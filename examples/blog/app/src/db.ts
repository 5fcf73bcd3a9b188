import pg from 'pg';

// One pool per process. Behind a transaction-mode pooler keep `max` small and avoid session state.
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
