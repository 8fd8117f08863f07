import { html, raw } from 'hono/html';
import { DOCS_CSS } from './docs-style.js';

type Operation = {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown; description?: string }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
};
type Doc = { info: { title: string; version: string }; paths?: object };

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/** Summaries mark code with backticks (Markdown); the page shows it as code, each part escaped. */
function inlineCode(text: string | undefined) {
  return (text ?? '').split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));
}

/** A readable, self-contained API page rendered from the generated OpenAPI document (works offline). */
export function docsPage(doc: Doc) {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation> | undefined>;
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods ?? {}).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${doc.info.title} API</title>
<style>${raw(DOCS_CSS)}</style></head><body>
<h1>${doc.info.title} API <small>v${doc.info.version}</small></h1>
<p>Every <code>/v1</code> route takes <code>Authorization: Bearer &lt;key&gt;</code>. Errors are
<code>application/problem+json</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a>. Reviewers: <a href="/review">/review</a>.</p>
${ops.map(
  ({ path, method, op }) => html`<h2><span class="m">${method}</span><code>${path}</code>
${op.security?.length ? html` <span class="lock">(key)</span>` : ''}</h2>
<p>${inlineCode(op.summary)}${op.operationId ? html` <small class="id">${op.operationId}</small>` : ''}</p>
${op.description ? html`<p>${inlineCode(op.description)}</p>` : ''}
${op.parameters?.length ? html`<details><summary>Parameters</summary><pre>${pretty(op.parameters)}</pre></details>` : ''}
${op.requestBody ? html`<details><summary>Request body</summary><pre>${pretty(op.requestBody.content)}</pre></details>` : ''}
<details><summary>Responses</summary><pre>${pretty(op.responses)}</pre></details>`,
)}
</body></html>`;
}
