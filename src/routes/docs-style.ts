import { createHash } from 'node:crypto';

/** The API page's stylesheet, inline so /docs works offline; its hash lets the CSP allow only it. */
export const DOCS_CSS = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h2{margin-top:2rem;font-size:1.05rem}code,pre{font:13px ui-monospace,monospace}pre{background:#f4f5f7;padding:.6rem;overflow:auto}
.id{color:#57606a}.m{display:inline-block;min-width:4rem;font-weight:700}.lock{color:#8a6d00}details{margin:.3rem 0}
`;

export const DOCS_CSS_HASH = `sha256-${createHash('sha256').update(DOCS_CSS).digest('base64')}`;
