/** Prints a compact, aligned table: the first row is the header. */
export function printTable(title: string, rows: ReadonlyArray<ReadonlyArray<string | number>>) {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(cells[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** The one machine-greppable line per benchmark: `RATIO <label> = <value>`. */
export function printRatio(label: string, value: number) {
  console.log(`RATIO ${label} = ${value.toFixed(2)}`);
}

/** `TARGET <label>: <value> < <limit> <unit> -> met|MISSED` */
export function printTarget(label: string, value: number, limit: number, unit: string) {
  console.log(
    `TARGET ${label}: ${fmt(value)} ${unit} (target < ${limit} ${unit}) -> ${value < limit ? 'met' : 'MISSED'}`,
  );
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
