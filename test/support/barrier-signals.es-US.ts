import type { Barrier } from '../../src/domain/block.js';
import type { Signal } from '../../src/domain/compose.js';

const AT = '2026-11-20T10:00:00Z';
const past = (days: number) => new Date(Date.parse(AT) - days * 86_400_000).toISOString();
const survey = (answer: string): Signal => ({
  type: 'survey_response',
  data: { question: '¿Qué le hizo difícil seguir con su tratamiento?', answer },
});
const chat = (text: string): Signal => ({ type: 'chat_message', at: AT, data: { text } });

/**
 * A Spanish-speaking patient's request per barrier, free text as people write it (written for these
 * tests, not taken from the training corpus or the held-out cases) plus the behaviour around it.
 */
export const BARRIER_SIGNALS_ES: Record<Barrier, Signal[]> = {
  cost: [
    { type: 'refill_missed', at: AT, data: { daysLate: 9 } },
    { type: 'page_view', at: past(2), data: { topic: 'savings' } },
    survey('Me subieron el copago y este mes no me alcanza para pagarlo.'),
  ],
  concerns: [
    { type: 'dose_missed', at: AT },
    { type: 'page_view', at: past(1), data: { topic: 'side_effects' } },
    chat('Me da miedo ponerme la inyección, leí que puede dar infecciones graves.'),
  ],
  necessity: [
    { type: 'refill_missed', at: AT, data: { daysLate: 12 } },
    survey('Ya tengo la piel limpia, creo que ya no necesito seguir con la medicina.'),
  ],
  trust: [
    { type: 'refill_missed', at: AT, data: { daysLate: 5 } },
    chat('No confío en las compañías farmacéuticas, solo quieren mi dinero y esconden la verdad.'),
  ],
  health_literacy: [
    { type: 'dose_missed', at: AT },
    { type: 'page_view', at: past(1), data: { topic: 'how_to_use' } },
    chat('No entiendo cómo usar la pluma, las instrucciones están muy confusas.'),
  ],
  forgetfulness: [
    { type: 'dose_logged', at: past(19) },
    { type: 'dose_missed', at: past(10) },
    { type: 'dose_missed', at: past(3) },
    survey('Se me olvida la inyección, se me pasa el día y ni me acuerdo.'),
  ],
  access: [
    { type: 'refill_missed', at: AT, data: { daysLate: 6 } },
    { type: 'coverage_event', at: past(4), data: { status: 'prior_auth_pending' } },
    chat('La farmacia dice que todavía esperan la autorización previa de mi seguro.'),
  ],
  social_influence: [
    { type: 'refill_missed', at: AT, data: { daysLate: 7 } },
    chat('Mi familia dice que no debería usar esta medicina y mi esposo dice que las inyecciones me hacen daño.'),
  ],
  emotional: [
    { type: 'dose_missed', at: AT },
    chat('Me siento muy agobiada y triste últimamente, no tengo ánimo para las inyecciones.'),
  ],
  none: [
    { type: 'refill_on_time', at: past(1) },
    { type: 'dose_logged', at: AT },
    survey('Todo va bien, no tengo ningún problema.'),
  ],
};
