/**
 * One import direction (DESIGN.md, "Where the layout is heading"): each layer may import its own layer
 * and the layers below it, never one above; no circles; nothing in src/ but the composition roots
 * imports evals/. Type-only imports count: a lower layer reaching up for a type means the type lives in
 * the wrong module.
 */
const LAYERS = [
  { name: 'domain', path: '^src/domain/' },
  { name: 'libraries', path: '^src/(privacy|compliance|content)/|^src/env[.]ts$' },
  { name: 'agents, tools, prompts', path: '^(agents|tools|prompts)/' },
  { name: 'graph and store', path: '^src/(graph|store)/' },
  { name: 'compose', path: '^src/(compose|loop)/' },
  {
    name: 'routes',
    path: '^src/(routes|review-console|auth|observability)/|^src/(errors|app-env|request-log|logger)[.]ts$',
  },
  { name: 'app', path: '^src/app[.]ts$' },
  { name: 'composition roots', path: '^src/(runtime|service|cli)[.]ts$|^src/(cli|bin)/' },
];

const upward = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.name.replace(/[^a-z]+/g, '-')}`,
  comment: `${layer.name} may not import a higher layer (${LAYERS.slice(i + 1)
    .map((l) => l.name)
    .join(', ')})`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => l.path) },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'src-not-to-evals',
      comment: 'only the composition roots (src/service.ts, src/cli/) wire the eval runner in',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(service|cli)[.]ts$|^src/cli/' },
      to: { path: '^evals/' },
    },
    {
      name: 'evals-not-to-roots',
      comment: 'evals use compose and the runtime, never the service or the CLI that start them',
      severity: 'error',
      from: { path: '^evals/' },
      to: { path: '^src/(service|cli)[.]ts$|^src/(cli|bin)/' },
    },
    {
      name: 'tools-and-prompts-below-agents',
      comment: 'agents use tools and prompts, not the other way round',
      severity: 'error',
      from: { path: '^(tools|prompts)/' },
      to: { path: '^agents/' },
    },
    {
      name: 'graph-through-ports',
      comment: 'the graph reads the store through the domain ports the runtime wires in',
      severity: 'error',
      from: { path: '^src/graph/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'domain-is-plain',
      comment: 'domain types depend on zod and nothing else',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: '^node_modules/zod/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
