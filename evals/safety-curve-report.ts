import { z } from 'zod';
import { loadSafetyLocale } from '../agents/safety/load-safety-locale.js';
import { SAFETY_KINDS } from '../agents/safety/safety-types.js';
import { heldOutArgs } from './held-out-args.js';
import { operatingCurve, pointAt, readCases } from './safety-curve.js';
import { HELD_OUT_SETS, loadSafetyCases, safetyCasesPath } from './safety-eval.js';

/**
 * `npm run eval:safety-curve [-- locale [kind [sets]]]`, e.g. `-- es-US adverse_event cdefgh`:
 * misses against false alarms over held-out sets (all by default) as the kind's threshold
 * moves. Counts only: no case id, no text.
 */
const { fail, sets: heldOutSets } = heldOutArgs(
  'eval:safety-curve',
  'npm run eval:safety-curve -- [locale] [kind] [sets, e.g. abc]',
);
const [locale = 'en-US', kindArg = 'crisis', setsArg = HELD_OUT_SETS.join('')] = process.argv.slice(2);
const kind = z.enum(SAFETY_KINDS).safeParse(kindArg).data ?? fail(`kind must be one of ${SAFETY_KINDS.join(', ')}`);
const sets = heldOutSets(setsArg, locale);
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
console.log(`the model's threshold ${own.threshold}: ${own.missed} missed, ${own.falseAlarms} false alarms`);
