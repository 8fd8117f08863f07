import { z } from 'zod';
import { loadSafetyLocale } from '../agents/safety/load-safety-locale.js';
import { SAFETY_KINDS } from '../agents/safety/safety-types.js';
import { operatingCurve, pointAt, readCases } from './safety-curve.js';
import { HELD_OUT_SETS, loadSafetyCases, safetyCasesPath } from './safety-eval.js';

/**
 * `npm run eval:safety-curve [-- locale [kind [sets]]]`, e.g. `-- es-US adverse_event cdefgh`:
 * misses against false alarms over held-out sets (all by default) as the kind's threshold
 * moves. Counts only: no case id, no text.
 */
const locale = process.argv[2] ?? 'en-US';
const kind = z.enum(SAFETY_KINDS).parse(process.argv[3] ?? 'crisis');
const sets = z
  .array(z.enum(HELD_OUT_SETS))
  .min(1)
  .parse([...(process.argv[4] ?? HELD_OUT_SETS.join(''))]);
const data = loadSafetyLocale(locale);
const readings = readCases(
  data,
  sets.flatMap((s) => loadSafetyCases(safetyCasesPath(locale, s))),
  kind,
);
const own = pointAt(readings, data.model.thresholds[SAFETY_KINDS.indexOf(kind)]!);
const row = (cells: string[]) => cells.map((c) => c.padStart(14)).join('');
console.log(
  `${kind}, ${locale}, held-out sets ${sets.join('')}: ${readings.filter((r) => r.positive).length} positives, ` +
    `${readings.filter((r) => !r.positive).length} other cases`,
);
console.log(row(['threshold', 'missed', 'false alarms']));
for (const p of operatingCurve(readings)) {
  console.log(
    row([
      Number.isFinite(p.threshold) ? p.threshold.toFixed(4) : 'rules only',
      String(p.missed),
      String(p.falseAlarms),
    ]),
  );
}
console.log(`model threshold ${own.threshold}: ${own.missed} missed, ${own.falseAlarms} false alarms`);
