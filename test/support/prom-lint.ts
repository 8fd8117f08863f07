import { spawnSync } from 'node:child_process';

/**
 * The naming rules `promtool check metrics` applies, for machines without promtool: every family has HELP
 * and TYPE, counters end in `_total` and nothing else does, names are snake_case, base units (seconds,
 * bytes) rather than milli- or kilo-, and no name repeats a word of its own prefix (`nof1_process_process_`).
 */
export function lintExposition(text: string): string[] {
  const problems: string[] = [];
  const help = new Set<string>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const h = line.match(/^# HELP (\S+) /);
    if (h) help.add(h[1]!);
    const t = line.match(/^# TYPE (\S+) (\S+)$/);
    if (t) types.set(t[1]!, t[2]!);
  }
  for (const [name, type] of types) {
    if (!help.has(name)) problems.push(`${name}: no help text`);
    if (type === 'counter' && !name.endsWith('_total'))
      problems.push(`${name}: counter metrics should have "_total" suffix`);
    if (type !== 'counter' && name.endsWith('_total'))
      problems.push(`${name}: non-counter metrics should not have "_total" suffix`);
    if (!/^[a-z_:][a-z0-9_:]*$/.test(name)) problems.push(`${name}: metric names should be written in snake_case`);
    if (/(^|_)(milliseconds|millis|ms|kilobytes|megabytes)(_|$)/.test(name))
      problems.push(`${name}: use base units (seconds, bytes)`);
    const words = name.split('_');
    if (words.some((w, i) => i > 0 && w === words[i - 1])) problems.push(`${name}: a word of the name is repeated`);
  }
  return problems;
}

/** `promtool check metrics` on the text, or undefined when promtool is not installed. */
export function promtoolCheck(text: string): { code: number; output: string } | undefined {
  const which = spawnSync('which', ['promtool'], { encoding: 'utf8' });
  if (which.status !== 0) return undefined;
  // Debian's binary, where test/support/ensure-promtool.sh put it (a system tool, not an npm package).
  const run = spawnSync(which.stdout.trim(), ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { code: run.status ?? 1, output: `${run.stdout}${run.stderr}`.trim() };
}
