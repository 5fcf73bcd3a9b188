import pg from 'pg';

/** A COPY FROM STDIN that answers the server's CopyInResponse with its rows (pg alone refuses it). */
class CopyInQuery extends pg.Query {
  constructor(
    text: string,
    private readonly data: string,
  ) {
    super(text);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(Buffer.from(this.data, 'utf8'));
    connection.endCopyFrom();
  }
}

/** Runs `COPY … FROM STDIN` on the client with the rows given, as psql would send them. */
export function copyInto(client: pg.Client, sql: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = client.query(new CopyInQuery(sql, data));
    query.on('end', () => resolve());
    query.on('error', reject);
  });
}
