import { createLocaleCache, defaultLocales } from './locale-cache.js';
import type { SafetyEngine, SafetyFinding } from './safety-types.js';
import { triageWith } from './triage-text.js';

/**
 * The offline triage engine: rules plus a trained classifier per locale, no network.
 * Each finding names its signal by index and type; the text itself never leaves.
 */
export function createOfflineSafetyEngine(options: { dataDir?: string } = {}): SafetyEngine {
  const locales = options.dataDir ? createLocaleCache(options.dataDir) : defaultLocales();
  return {
    name: 'offline',
    async triage({ texts, locale }) {
      const { data, fallback } = locales.get(locale);
      const findings: SafetyFinding[] = texts.flatMap((t) =>
        triageWith(data, t.text, fallback ? ['locale_fallback'] : []).map((f) => ({
          ...f,
          signalIndex: t.index,
          signalType: t.type,
        })),
      );
      return {
        findings,
        report: {
          engine: 'offline',
          toolCalls: [],
          modelCalls: [],
          ...(fallback ? { fallback: `locale ${tagOrUnknown(locale)} read with the ${data.locale} safety data` } : {}),
        },
      };
    },
  };
}

/** The requested tag as it came, only when it looks like one: a report never carries arbitrary request text. */
const tagOrUnknown = (locale: string) => (/^[A-Za-z0-9_-]{1,20}$/.test(locale) ? locale : 'unknown');
