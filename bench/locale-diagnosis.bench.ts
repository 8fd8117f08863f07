import { loadBarrierModel } from '../agents/barrier/load-model.js';
import { loadLocaleModels } from '../agents/barrier/locale-models.js';
import { createOfflineDiagnosisEngine } from '../agents/barrier/offline-diagnosis.js';
import { barrierCasesPath, loadBarrierCases } from '../evals/barrier-eval.js';
import type { DiagnoseInput } from '../src/domain/engines.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

/**
 * What reading by locale costs: the offline diagnosis engine with every locale's model and language
 * detection per text, against the single English model it replaced (the baseline, measured in the
 * same process, rounds alternating which goes first). Also the start-up cost of loading the models.
 */
const ROUNDS = 20;
const TARGET_RATIO = 1.5;

const inputs = (locale: string): DiagnoseInput[] =>
  loadBarrierCases(barrierCasesPath(locale)).map((c) => ({
    signals: c.signals,
    history: { recentMessages: [], recentBarriers: [] },
    program: 'bench',
    audience: 'patient',
    locale,
  }));

export default async function run() {
  const single = await timed(async () => loadBarrierModel({ locale: 'en-US' }).model);
  const all = await timed(async () => loadLocaleModels());
  printTable('start-up (ms)', [
    ['engine', 'load ms'],
    ['en-US model only', single.ms],
    ['every locale + language identifier', all.ms],
  ]);

  const english = createOfflineDiagnosisEngine(single.result);
  const byLocale = createOfflineDiagnosisEngine(all.result);
  const cases = [...inputs('en-US'), ...inputs('es-US')];
  const pass = async (engine: typeof english) => {
    const t = await timed(async () => {
      for (const input of cases) await engine.diagnose(input);
    });
    return t.ms / cases.length;
  };
  for (let i = 0; i < 3; i++) {
    await pass(english);
    await pass(byLocale);
  }
  const ms = { english: [] as number[], byLocale: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2) {
      ms.byLocale.push(await pass(byLocale));
      ms.english.push(await pass(english));
    } else {
      ms.english.push(await pass(english));
      ms.byLocale.push(await pass(byLocale));
    }
  }
  printTable(`diagnosis, ms per case (${cases.length} held-out cases × ${ROUNDS} rounds)`, [
    ['engine', 'p50', 'p95', 'mean'],
    ['en-US model only (baseline)', percentile(ms.english, 50), percentile(ms.english, 95), mean(ms.english)],
    ['by locale + language detection', percentile(ms.byLocale, 50), percentile(ms.byLocale, 95), mean(ms.byLocale)],
  ]);
  const ratio = percentile(ms.byLocale, 50) / percentile(ms.english, 50);
  printRatio('locale-diagnosis/single-model', ratio);
  printTarget('locale-diagnosis/single-model p50 ratio', ratio, TARGET_RATIO, '×');
}
