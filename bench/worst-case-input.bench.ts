/**
 * Redaction of hostile input (issue 10, defect 1): one request with a 1 MB token kept a core busy for
 * minutes. Each case is 1 MB of free text redacted by a redactor built as the compose runner builds
 * one (personal values known, approved terms allowed), against the baseline of 1 MB of ordinary text.
 */
import { performance } from 'node:perf_hooks';
import { createRedactor } from '../src/privacy/redact.js';
import { CLEAN, CORPUS_ALLOW, WITH_PII } from '../test/privacy/redaction-corpus.js';
import { printRatio, printTable, printTarget } from './support/report.js';

const MB = 1024 * 1024;
const REPEATS = 3;
const TARGET_MS = 1000;

const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Realistic snippets, one after another, to the size asked. */
function ordinaryText(size = MB): string {
  const snippets = [...WITH_PII, ...CLEAN].map((e) => e.text);
  let out = '';
  for (let i = 0; out.length < size; i++) out += `${snippets[i % snippets.length]}\n`;
  return out.slice(0, size);
}

// Shapes that made some pattern backtrack before: runs of one pattern's characters, separators,
// labels followed by long gaps, and address and name cues over and over.
const HOSTILE_UNITS = [
  'a',
  'a@',
  '1-',
  '.',
  ' ',
  '\t \t',
  '12 ',
  'acct. ',
  'zip\t',
  'it\t',
  'E(DOT)+',
  'WW.-',
  '!',
  "a'",
  'birth\t',
  '12 Oak St ',
  'Springfield, IL 62704 ',
  '555-123-4567 ',
  'Ann Lee, 555-123-4567\n',
  'x\u0000',
  '\ud800',
  '😀',
];

/** 2 KB runs of each hostile shape, with ordinary text between them, to the size asked. */
function mixedText(size = MB): string {
  const ordinary = ordinaryText(64 * 1024);
  let out = '';
  for (let i = 0; out.length < size; i++) {
    out += `${fill(HOSTILE_UNITS[i % HOSTILE_UNITS.length]!, 2048)} ${ordinary.slice((i * 997) % 60_000, ((i * 997) % 60_000) + 1024)} `;
  }
  return out.slice(0, size);
}

type Measured = { ms: number; cpuMs: number; out: number; withheld: number };

// Tokens too long to be identifiers are withheld by design; any other [UNSCANNED] is the time budget.
const overLongTokens = (text: string) => [...text.matchAll(/(?<!\S)\S{2049,}/g)].length;

function measure(text: string): Measured {
  const redact = createRedactor({
    known: ['Ann Lee', '555-444-1212', 'jane.roe@example.com', 'x'.repeat(16_000)],
    allow: CORPUS_ALLOW,
  });
  const runs: Measured[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const out = redact.text(text);
    const used = process.cpuUsage(cpu);
    const withheld = out.split('[UNSCANNED]').length - 1 - overLongTokens(text);
    runs.push({ ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, out: out.length, withheld });
  }
  return runs.sort((a, b) => a.ms - b.ms)[Math.floor(REPEATS / 2)]!;
}

/** The email pattern as it was, on a short token: the quadratic growth the fix removes. */
function formerEmailPattern(chars: number): number {
  const re = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/dg;
  const start = performance.now();
  [...fill('a', chars).matchAll(re)];
  return performance.now() - start;
}

export default async function run() {
  const baseline = measure(ordinaryText());
  const cases: Array<[string, string]> = [
    ['one 1 MB token of "a"', fill('a')],
    ['one 1 MB token of "a@"', fill('a@')],
    ['one 1 MB token of "1-"', fill('1-')],
    ['one 1 MB token of "."', fill('.')],
    ['1 MB of spaces', fill(' ')],
    ['1 MB of "12 Oak St "', fill('12 Oak St ')],
    ['1 MB mixed hostile + ordinary', mixedText()],
  ];
  const rows = cases.map(([label, text]) => ({ label, ...measure(text) }));
  printTable(`redaction of 1 MB inputs (median of ${REPEATS}; redactor with 4 known values, 2 allowed terms)`, [
    ['input', 'ms', 'cpu ms', 'x baseline', 'output chars', 'budget hit'],
    [
      'baseline: 1 MB of ordinary text',
      baseline.ms,
      baseline.cpuMs,
      1,
      String(baseline.out),
      String(baseline.withheld),
    ],
    ...rows.map((r) => [r.label, r.ms, r.cpuMs, r.ms / baseline.ms, String(r.out), String(r.withheld)]),
  ]);
  const former = [8, 16, 32].map((kb) => [`${kb} KB token`, formerEmailPattern(kb * 1024)] as const);
  printTable('the former email pattern alone, one token of "a" (for scale: it grew with the square)', [
    ['input', 'ms'],
    ...former.map(([label, ms]) => [label, ms]),
  ]);
  const token = rows[0]!;
  const mixed = rows.at(-1)!;
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  printRatio('worst 1 MB case time/ordinary 1 MB time', worst.ms / baseline.ms);
  printTarget('1 MB single token', token.ms, TARGET_MS, 'ms');
  printTarget('1 MB mixed text', mixed.ms, TARGET_MS, 'ms');
  printTarget(`worst case (${worst.label})`, worst.ms, TARGET_MS, 'ms');
}
