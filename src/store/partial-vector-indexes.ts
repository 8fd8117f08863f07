import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Partial HNSW indexes for the vector half of search. Every search filters by programme, so one graph per
 * programme holds only the rows a search may return; the composer's searches also name the subject's
 * audience, and a graph per programme and audience then holds only rows of that audience, so the walk stops
 * rejecting the other audiences' neighbours. Measured (bench/vector-search.bench.ts, bench/RESULTS.md
 * "Issue 15: vector search by programme and audience"): a group of a few hundred rows sorts as fast as its
 * graph is walked, so a group gets a graph from AUDIENCE_INDEX_FROM rows and a programme from PARTIAL_INDEX_FROM.
 */
const PARTIAL_INDEX_FROM = 2000;
const AUDIENCE_INDEX_FROM = 1000;

export type IndexThresholds = { programmeFrom?: number; audienceFrom?: number };

const PREFIX = 'content_blocks_embedding_';
const hashed = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 24);

/** A stable identifier for any programme name (names are free text, identifiers are not). */
export const programmeIndexName = (program: string) => `${PREFIX}p_${hashed(program)}`;

/** A stable identifier for any programme and audience; JSON keeps ("a b", "c") apart from ("a", "b c"). */
export const audienceIndexName = (program: string, audience: string) =>
  `${PREFIX}a_${hashed(JSON.stringify([program, audience]))}`;

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Names of the partial vector indexes that exist now, of both kinds. */
export async function partialIndexes(db: Queryable): Promise<Set<string>> {
  const { rows } = await db.query<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE tablename = 'content_blocks'
       AND (starts_with(indexname, $1) OR starts_with(indexname, $2))`,
    [`${PREFIX}p_`, `${PREFIX}a_`],
  );
  return new Set(rows.map((r) => r.indexname));
}

/** Which graph a search with this filter walks, if it has one; otherwise the planner sorts the filtered rows. */
export function indexFor(names: Set<string>, filter: { program?: string; audience?: string }) {
  if (filter.program === undefined) return undefined;
  // With an audience and no graph of its own the group is small: sorting it beats walking the programme's graph.
  const name =
    filter.audience === undefined
      ? programmeIndexName(filter.program)
      : audienceIndexName(filter.program, filter.audience);
  return names.has(name) ? name : undefined;
}

/**
 * Drops the indexes of these programmes (and of their audiences, as stored now), so a bulk load into them
 * does not insert into a graph row by row.
 */
export async function dropPartialIndexes(db: Queryable, programs: string[]) {
  const unique = [...new Set(programs)];
  const { rows } = await db.query<{ program: string; audience: string }>(
    'SELECT DISTINCT program, audience FROM content_blocks WHERE program = ANY($1::text[])',
    [unique],
  );
  const names = [...unique.map(programmeIndexName), ...rows.map((r) => audienceIndexName(r.program, r.audience))];
  for (const name of names) await db.query(`DROP INDEX IF EXISTS ${pg.escapeIdentifier(name)}`);
}

const createSql = (name: string, where: string) =>
  `CREATE INDEX IF NOT EXISTS ${pg.escapeIdentifier(name)} ON content_blocks USING hnsw (embedding vector_cosine_ops) WHERE ${where}`;

/** Builds the index of every programme, and of every programme and audience, that has reached its threshold and has none yet. */
export async function ensurePartialIndexes(db: Queryable, thresholds: IndexThresholds = {}) {
  const { programmeFrom = PARTIAL_INDEX_FROM, audienceFrom = AUDIENCE_INDEX_FROM } = thresholds;
  const { rows } = await db.query<{ program: string; audience: string | null; n: number }>(
    `SELECT program, audience, count(*)::int AS n FROM content_blocks
     GROUP BY GROUPING SETS ((program), (program, audience))`,
  );
  const existing = await partialIndexes(db);
  for (const { program, audience, n } of rows) {
    const programme = audience === null;
    if (n < (programme ? programmeFrom : audienceFrom)) continue;
    const name = programme ? programmeIndexName(program) : audienceIndexName(program, audience);
    if (existing.has(name)) continue;
    const where = `program = ${pg.escapeLiteral(program)}${programme ? '' : ` AND audience = ${pg.escapeLiteral(audience)}`}`;
    await db.query(createSql(name, where));
  }
}
