import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Per-programme partial HNSW indexes for the vector half of search. Every search filters by programme,
 * so one graph per programme holds only the rows a search may return; the global index makes an
 * iterative scan wade through the other programmes' neighbours. Measured (bench/vector-search.bench.ts,
 * bench/RESULTS.md): p95 against the exact path (filter, then sort) 1.85× faster at 10,000 blocks and
 * 3.4× at 100,000, recall@10 ≥ 0.99; a programme of a few hundred blocks sorts faster than any index walk.
 */
export const PARTIAL_INDEX_FROM = 2000;

const PREFIX = 'content_blocks_embedding_p_';

/** A stable identifier for any programme name (names are free text, identifiers are not). */
export const programmeIndexName = (program: string) =>
  `${PREFIX}${createHash('sha256').update(program).digest('hex').slice(0, 24)}`;

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Names of the programme indexes that exist now. */
export async function programmeIndexes(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'content_blocks' AND starts_with(indexname, $1)`,
    [PREFIX],
  );
  return new Set(rows.map((r) => r.indexname));
}

/** Drops the indexes of these programmes, so a bulk load into them does not insert into a graph row by row. */
export async function dropProgrammeIndexes(db: Queryable, programs: string[]) {
  for (const program of new Set(programs)) {
    await db.query(`DROP INDEX IF EXISTS ${pg.escapeIdentifier(programmeIndexName(program))}`);
  }
}

/** Builds the index of every programme that has reached `from` blocks and has none yet. */
export async function ensureProgrammeIndexes(db: Queryable, from = PARTIAL_INDEX_FROM) {
  const { rows } = await db.query<{ program: string }>(
    'SELECT program FROM content_blocks GROUP BY program HAVING count(*) >= $1',
    [from],
  );
  const existing = await programmeIndexes(db);
  for (const { program } of rows) {
    const name = programmeIndexName(program);
    if (existing.has(name)) continue;
    await db.query(
      `CREATE INDEX IF NOT EXISTS ${pg.escapeIdentifier(name)} ON content_blocks USING hnsw (embedding vector_cosine_ops)
       WHERE program = ${pg.escapeLiteral(program)}`,
    );
  }
}
