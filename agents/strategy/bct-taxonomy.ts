import { readFileSync } from 'node:fs';

type Taxonomy = {
  source: string;
  groups: Array<{ code: string; name: string }>;
  techniques: Array<{ code: string; name: string; group: string; definition: string }>;
};

/** BCT Taxonomy v1 (93 techniques) kept as data; read once. */
const BCT_TAXONOMY: Taxonomy = JSON.parse(readFileSync(new URL('../data/bct-taxonomy.json', import.meta.url), 'utf8'));

const byCode = new Map(BCT_TAXONOMY.techniques.map((t) => [t.code, t]));

export function bct(code: string) {
  const t = byCode.get(code);
  if (!t) throw new Error(`unknown BCT code ${code}`);
  return t;
}
