import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { EvalRun } from '../eval-store.js';
import { renderHtmlReport } from './html-report.js';
import { renderJunit } from './junit-report.js';

const RENDERERS: Record<string, (run: EvalRun) => string> = {
  '.json': (run) => `${JSON.stringify(run, null, 2)}\n`,
  '.xml': renderJunit,
  '.html': renderHtmlReport,
  '.htm': renderHtmlReport,
};

export const REPORT_EXTENSIONS = Object.keys(RENDERERS);

/** The renderer an output file's extension asks for; undefined for one we cannot write. */
export function rendererFor(file: string) {
  return RENDERERS[extname(file).toLowerCase()];
}

/** Writes each --output file in the format its extension names. */
export async function writeReports(run: EvalRun, files: string[]): Promise<void> {
  for (const file of files) {
    const render = rendererFor(file);
    if (!render) throw new Error(`${file}: unknown report format (use ${REPORT_EXTENSIONS.join(', ')})`);
    await writeFile(file, render(run));
  }
}
