import { createHash } from 'node:crypto';

/**
 * The console's whole stylesheet, inlined so the page needs no second request and works offline.
 * Colour is never the only signal: failing checks also say "failed" and carry a mark.
 */
export const CONSOLE_CSS = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--accent:#0b5cad;
--bad:#a40e26;--bad-bg:#ffebe9;--ok:#116329;--ok-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff}
header.top{display:flex;align-items:center;gap:1rem;padding:.7rem 1.5rem;background:#102a43;color:#fff}
header.top h1{font-size:1.1rem;margin:0;font-weight:600}
header.top .who{margin-left:auto;display:flex;gap:.8rem;align-items:center;font-size:.9rem}
main{max-width:76rem;margin:0 auto;padding:1rem 1.5rem 3rem}
nav.views{display:flex;flex-wrap:wrap;gap:.4rem;border-bottom:1px solid var(--line);margin-bottom:1rem}
nav.views a{padding:.5rem .9rem;color:var(--ink);text-decoration:none;border-bottom:3px solid transparent}
nav.views a[aria-current=page]{border-bottom-color:var(--accent);font-weight:600}
h2{font-size:1.25rem;margin:.6rem 0}h3{font-size:1rem;margin:1.2rem 0 .4rem}h4{font-size:.9rem;margin:.6rem 0 .2rem}
a{color:var(--accent)}
:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
button{font:inherit;padding:.45rem .9rem;border-radius:6px;border:1px solid var(--line);background:var(--bg);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
button.approve{background:var(--ok);border-color:var(--ok);color:#fff}
button.reject{background:var(--bad);border-color:var(--bad);color:#fff}
button:disabled{opacity:.6;cursor:wait}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #8c959f;border-radius:6px;background:#fff}
input,select{height:2.4rem}
label{display:block;font-weight:600;margin-bottom:.2rem;font-size:.9rem}
.field{margin-bottom:.8rem}.row{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.view-head{display:flex;gap:1rem;align-items:center}
.card{border:1px solid var(--line);border-radius:8px;padding:1rem;margin:.8rem 0;background:#fff}
.signin{max-width:28rem;margin:3rem auto}
.signin input{width:100%}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;caption-side:top;padding:.2rem 0 .4rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:var(--bg);font-weight:600}
.muted{color:var(--muted)}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.86rem}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;background:var(--bg);border:1px solid var(--line)}
.badge.bad{background:var(--bad-bg);color:var(--bad);border-color:#ffcecb}
.badge.ok{background:var(--ok-bg);color:var(--ok);border-color:#aceebb}
.badge.warn{background:var(--warn-bg);color:var(--warn);border-color:#eed888}
.alert{padding:.6rem .9rem;border-radius:6px;margin:.6rem 0}
.alert.error{background:var(--bad-bg);color:var(--bad);border:1px solid #ffcecb}
.alert.info{background:#ddf4ff;border:1px solid #b6e3ff}
.why{border-left:5px solid var(--warn);background:var(--warn-bg)}
.why .reason{font-size:1.1rem;font-weight:600;margin:0}
tr.failed td{background:var(--bad-bg)}tr.failed td:first-child{color:var(--bad);font-weight:600}
ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
ol.timeline>li{position:relative;margin:0 0 .8rem 1.2rem}
ol.timeline>li::before{content:"";position:absolute;left:-1.75rem;top:1.1rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--accent)}
.step-head{display:flex;flex-wrap:wrap;gap:.6rem;align-items:baseline}
.step-head strong{font-size:1rem}
ul.plain{margin:.3rem 0;padding-left:1.2rem}
.body{white-space:pre-wrap;background:var(--bg);padding:.8rem;border-radius:6px;margin:.4rem 0;font-size:1rem}
details{margin:.4rem 0}pre{white-space:pre-wrap;background:var(--bg);padding:.6rem;border-radius:6px;font-size:.8rem;margin:.3rem 0}
textarea{width:100%;min-height:4.5rem}
.actions{display:flex;gap:.6rem;margin-top:.6rem}
tr.safety td:first-child,tr.overdue td:first-child{border-left:4px solid var(--bad)}
.todo{font-weight:600}
#case-narrative{white-space:pre-wrap}
.why.safety{border-left-color:var(--bad);background:var(--bad-bg)}
.failing{border-left:5px solid var(--bad)}
blockquote{margin:.3rem 0;padding:.4rem .7rem;border-left:3px solid var(--line);background:#fff}
.block-text{min-width:16rem}
.scroll{overflow-x:auto;max-width:100%}
.graph svg{display:block;font:12px system-ui,sans-serif}
.graph .node rect{fill:#fff;stroke:#8c959f;stroke-width:1}
.graph .node.passed rect{fill:#ddf4ff;stroke:var(--accent);stroke-width:2}
.graph .node.waiting rect{fill:var(--warn-bg);stroke:var(--warn);stroke-width:3;stroke-dasharray:5 3}
.graph .node text{fill:var(--ink)}.graph .node.idle text{fill:var(--muted)}
.graph .edge{fill:none;stroke:#c4cbd3;stroke-width:1.2}.graph .edge.conditional{stroke-dasharray:4 3}
.graph .edge.taken{stroke:var(--accent);stroke-width:2.5;stroke-dasharray:none}
.graph .arrow{fill:#8c959f}
@media (max-width:40rem){
header.top{padding:.6rem .8rem;flex-wrap:wrap}main{padding:.6rem .8rem 2rem}
.view-head,.row{flex-wrap:wrap;gap:.5rem}.row .field,.row select,.row input{width:100%}
#queue-table thead,#search-table thead,#message-blocks thead,#checks thead{display:none}
#queue-table tr,#search-table tr,#message-blocks tr,#checks tr{display:block;border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem}
#queue-table td,#search-table td,#message-blocks td,#checks td{display:block;border:0;padding:.2rem .6rem}
#queue-table td::before,#search-table td::before,#message-blocks td::before{content:attr(data-label);display:block;font-size:.78rem;font-weight:600;color:var(--muted)}
.block-text{min-width:0}
.actions{flex-wrap:wrap}
td,.mono,p,li,h2{overflow-wrap:anywhere}
ol.timeline>li{margin-left:.8rem}.card{padding:.7rem}
}
[hidden]{display:none!important}
`;

/** CSP hash of the inline stylesheet, so the page can forbid every other inline style. */
export const CONSOLE_CSS_HASH = `sha256-${createHash('sha256').update(CONSOLE_CSS).digest('base64')}`;
