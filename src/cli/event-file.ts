import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CliError } from './cli-error.js';

/**
 * Events from a .jsonl file (one event a line) or a .csv file with the columns id, subject (or anonymousId),
 * program, type, at and data (a JSON object). A line that is not JSON becomes a value the service rejects,
 * with its line number kept.
 */
export async function readEventFile(file: string): Promise<Array<{ line: number; value: unknown }>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  if (extname(file).toLowerCase() === '.csv') {
    const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
    return rows.map((r, i) => ({ line: i + 2, value: fromCsv(r) }));
  }
  return text.split('\n').flatMap((raw, i) => {
    if (!raw.trim()) return [];
    try {
      return [{ line: i + 1, value: JSON.parse(raw) as unknown }];
    } catch {
      return [{ line: i + 1, value: { invalidJson: true } }];
    }
  });
}

function fromCsv(r: Record<string, string>) {
  let data: unknown = {};
  try {
    data = r.data ? JSON.parse(r.data) : {};
  } catch {
    data = { invalidJson: r.data };
  }
  return {
    id: r.id,
    subject: r.anonymousId ? { anonymousId: r.anonymousId } : { id: r.subject },
    program: r.program,
    type: r.type,
    at: r.at,
    data,
  };
}
