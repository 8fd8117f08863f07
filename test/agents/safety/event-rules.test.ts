import { describe, expect, it } from 'vitest';
import { ruleReach, rulesOf } from '../../support/rule-reach.js';

const en = rulesOf('en-US').ruled;
const es = rulesOf('es-US').ruled;

/**
 * Adverse-event, complaint and medical-question rules, family by family: each positive hits its
 * cue, and each ordinary text that shares the family's words hits no rule of that kind.
 */
describe('en-US event rules', () => {
  ruleReach(
    en,
    'adverse_event',
    [
      ['onset_after_product', 'my arms have been covered in hives ever since the first injection'],
      ['onset_after_product', "I've had blurry vision since starting the shots"],
      ['onset_after_product', "my husband's joints are aching since his last dose"],
      ['clinician_report', 'pt presented with cellulitis following the 3rd injection'],
      ['clinician_report', 'our patient developed shingles after the second dose'],
      ['emergency_care', 'she spent 3 nights in the hospital last month'],
      ['emergency_care', 'we ended up in urgent care on saturday'],
      ['emergency_care', 'had another trip to the ER this weekend'],
      ['lack_of_effect', "the shots don't work like they used to"],
      ['lack_of_effect', 'she has stopped responding to the medication'],
      ['lack_of_effect', 'the shot wears off days before the next dose'],
      ['lack_of_effect', "my plaques are spreading even though I'm on it"],
      ['pregnancy_exposure', 'I got my girlfriend pregnant'],
      ['pregnancy_exposure', "I'm 12 weeks along"],
      ['pregnancy_exposure', 'she got pregnant while on the shots'],
      ['medication_error', 'I did two shots in the same week by accident'],
      ['medication_error', 'gave my dad his shot twice this week'],
      ['medication_error', 'got my weekly shot 2 days in a row'],
      ['medication_error', 'the nurse injected the wrong patient'],
      ['medication_error', 'my toddler got into my pens'],
      ['medication_error', 'I used a pen that was past its expiration date'],
      ['overdose_or_misuse', "I've been taking it more often than prescribed"],
      ['overdose_or_misuse', 'my boyfriend has been using my pens'],
      ['infection', 'I caught covid last week'],
      ['infection', 'I just tested positive for strep'],
    ],
    [
      'my headaches are so much better since starting the shots',
      "I'm afraid of getting a rash after my shot",
      'could the shot make me dizzy after the injection?',
      'is it normal to get a sore arm after the shot',
      "I've been exhausted since starting my new job",
      'I had migraines for years before I ever started this',
      'our patients had questions after the first dose',
      'the patient developed a great routine with the pen',
      'I visit the hospital every tuesday to see my grandma',
      'I took a trip to the hospital to drop off paperwork',
      'the app does not work anymore on my phone',
      'the excitement wore off before the next episode',
      'is it safe to get pregnant on this?',
      'gave my daughter a ride twice this week',
      'the pharmacy sent two boxes in the same week by mistake, I returned one',
      'my husband took my pens to the pharmacy for me',
      "I'm scared I'll catch covid at the clinic",
      'I got the flu shot yesterday at cvs',
      'I have never had a rash since starting the shots',
    ],
  );
  ruleReach(
    en,
    'medical_information',
    [
      ['missed_dose_question', 'what should my mom do if she missed her shot'],
      ['missed_dose_question', 'what should I tell patients who miss a dose'],
      ['missed_dose_question', 'what do we do when a patient is late for their injection'],
      ['missed_dose_question', 'my dad forgot his shot on monday, can he take it today?'],
      ['missed_dose_question', 'can he take it two days late'],
      ['missed_dose_question', 'I forgot my loading dose, what now?'],
      ['missed_dose_question', 'does she need to reload after missing two months'],
      ['sharing_question', 'is it ok to give him my extras'],
      ['interaction_question', 'is it safe to take tramadol while on the shots'],
      ['interaction_question', "I'm on the shots, can I have a few margaritas at the wedding"],
      ['interaction_question', 'are there any interactions between lumenzo and gabapentin'],
      ['vaccine_question', 'how long should I wait to get the shingles vaccine'],
      ['vaccine_question', 'can my daughter get the chickenpox vaccine while I am on this'],
      ['procedure_question', 'should I stop my shot before my knee replacement'],
      ['procedure_question', 'do I need to hold the injection before a root canal'],
      ['procedure_question', 'should I pause my shots before the tooth extraction'],
    ],
    [
      "I missed my dose yesterday, I'll take it tonight as the leaflet says",
      'my mom missed her shot last week',
      'what does the leaflet say to do about a missed dose?',
      'what should I do if my refill is late again',
      'he missed the bus, should he take an uber',
      'I missed the bus, what now?',
      'do we need to redo the paperwork for the new insurance',
      'can I give her my number so she can call you',
      'can he take the pen on the plane',
      'can you send my blood pressure medication refill',
      'can my mom pick up her synthroid with my shot',
      'can I get a ride to my procedure',
      'can I reschedule my colonoscopy',
      'my kids got their measles shots today',
    ],
  );
});

describe('en-US death reports: a fatal outcome of someone on the product or in the programme', () => {
  ruleReach(
    en,
    'adverse_event',
    [
      ['death_report', 'my wife died on sunday. please stop the texts'],
      ['death_report', 'my father passed away last week, he was on your program'],
      ['death_report', 'please remove my husband from the program, he passed away on monday'],
      ['death_report', 'my mom passed in her sleep, she took her shot the day before'],
      ['death_report', 'our patient passed away over the weekend'],
      ['death_report', 'stop the reminders please, he died last month'],
    ],
    [
      'my husband died in the spring and I am struggling to keep up with things',
      'my dad died of cancer years ago so I take my health seriously',
      'my dog died yesterday, please stop the texts for a few days',
      'my phone died, please resend the reminder',
      'the patient prior authorization expired last week',
      'I almost died when I saw the bill, please stop the texts',
      'my grandma passed away and I have been traveling, can you pause the reminders',
      'my wife thinks I should stop the texts, they wake me up',
    ],
  );
});

describe('es-US event rules', () => {
  ruleReach(
    es,
    'adverse_event',
    [
      ['onset_after_product', 'tengo ronchas en los brazos desde que empecé la medicina'],
      ['onset_after_product', 'mi esposo anda con mareos desde la primera inyección'],
      ['onset_after_product', 'me dio taquicardia después de la segunda dosis'],
      ['onset_after_product', 'se me hincharon los labios con la última dosis'],
      ['clinician_report', 'la paciente presentó urticaria después de la primera dosis'],
      ['emergency_care', 'a mi papá lo internaron el fin de semana'],
      ['emergency_care', 'pasé tres días en el hospital'],
      ['emergency_care', 'terminé en urgencias anoche'],
      ['emergency_care', 'llamamos a la ambulancia porque no podía respirar'],
      ['lack_of_effect', 'la medicina ya no me hace efecto'],
      ['lack_of_effect', 'ya no me funciona la inyección'],
      ['lack_of_effect', 'los brotes regresaron aún con las inyecciones'],
      ['pregnancy', 'mi esposa salió embarazada'],
      ['pregnancy', 'estamos esperando un bebé'],
      ['pregnancy', 'tengo 10 semanas de embarazo'],
      ['medication_error', 'me puse dos inyecciones en la misma semana'],
      ['medication_error', 'se puso la dosis dos veces por error'],
      ['medication_error', 'le puse la inyección a la paciente equivocada'],
      ['medication_error', 'mi nieto se picó con una de mis plumas'],
      ['medication_error', 'me puse una pluma que ya estaba vencida'],
      ['overdose_or_misuse', 'mi hermana usó una de mis plumas'],
      ['overdose_or_misuse', 'me la estoy poniendo más seguido de lo que me recetó el doctor'],
      ['infection', 'me dio neumonía el mes pasado'],
      ['infection', 'salí positiva a covid'],
    ],
    [
      'me da miedo que me den ronchas después de la inyección',
      '¿es normal tener fiebre después de la primera dosis?',
      'los dolores de cabeza se me quitaron desde que empecé la medicina',
      'a mi hijo le dio gripe en la escuela',
      'me dio mucho gusto hablar con la enfermera',
      'la paciente presentó sus papeles del seguro después de la primera dosis',
      'fui al hospital a visitar a mi tía',
      'llegué al hospital para mi cita de laboratorio',
      'la aplicación ya no funciona en mi celular',
      'mi vecina está embarazada y le hicieron fiesta',
      'tengo 8 semanas de vacaciones',
      'le di dos veces las gracias a la enfermera',
      'le di las gracias dos veces a la enfermera',
      'mi esposo usó mi carro para recoger la medicina',
      'mi hijo salió positivo a covid, ¿puedo ponerme la inyección?',
      'nunca me dio fiebre después de la inyección',
    ],
  );
  ruleReach(
    es,
    'product_complaint',
    [
      ['malfunction', 'la pluma no hizo clic'],
      ['malfunction', 'el botón se trabó y no salió la medicina'],
      ['malfunction', 'la medicina se salió por un lado'],
      ['needle_problem', 'la aguja se dobló'],
      ['appearance', 'el líquido se veía turbio'],
      ['appearance', 'hay cositas flotando en la pluma'],
      ['tampering', 'la caja llegó abierta'],
      ['temperature', 'dejé las plumas en el carro toda la tarde'],
      ['temperature', 'los hielos venían derretidos'],
      ['counterfeit', 'parece pirata la caja'],
      ['expired_on_arrival', 'me llegaron las plumas ya vencidas'],
    ],
    [
      'si la pluma no hace clic, ¿qué hago?',
      'la ventanita se puso amarilla como dice el instructivo',
      'me quedé sin agujas para la insulina',
      'dejé a mi hija en la escuela',
      'me llegó la tarjeta vencida',
      'la receta ya venía vencida',
      'parece falso que ya sea diciembre',
      'la medicina salió muy cara',
      'el botón del elevador se trabó otra vez',
      'se me cayó la pluma pero no le pasó nada',
    ],
  );
});

describe('es-US death reports: a fatal outcome of someone on the product or in the programme', () => {
  ruleReach(
    es,
    'adverse_event',
    [
      ['death_report', 'mi esposa murió el domingo, ya no manden mensajes'],
      ['death_report', 'mi papá falleció la semana pasada, estaba en su programa'],
      ['death_report', 'quiero dar de baja a mi mamá, falleció el lunes'],
      ['death_report', 'mi mamá ya descansa en paz, usaba lumenzo desde hace un año'],
      ['death_report', 'el paciente falleció en su casa el 3 de noviembre'],
    ],
    [
      'mi esposo murió hace dos años y me cuesta mucho acordarme de las cosas',
      'mi mamá se murió de la risa con el video, ya no manden tantos mensajes jaja',
      'mi perro murió ayer, ya no manden mensajes por unos días',
      'se murió mi celular, mándenme otra vez el recordatorio',
      'mi papá murió de cáncer, por eso me cuido mucho',
      'casi me muero cuando vi la cuenta, ya no manden mensajes',
    ],
  );
});

describe('older event rules keep off their look-alikes', () => {
  const kindsOf = (ruled: typeof en, text: string) => ruled(text).map((f) => f.kind);
  it.each([
    [en, 'she forgot her password, can she do it later?'],
    [en, 'I used my coupon twice by accident, is that a problem?'],
    [es, 'me puse dos veces a dieta este año'],
    [es, 'me tomé dos veces la presión hoy'],
  ])('no rule for an ordinary text that shares the words (%#)', (ruled, text) => {
    expect(kindsOf(ruled, text)).toEqual([]);
  });
  it.each([
    [en, 'I missed my shot yesterday, do I take it today?', 'medical_information'],
    [en, 'I took two shots this week by accident', 'adverse_event'],
    [es, 'me puse dos veces la inyección esta semana sin querer', 'adverse_event'],
    [es, 'me inyecté dos veces', 'adverse_event'],
  ])('still finds the event or the question (%#)', (ruled, text, kind) => {
    expect(kindsOf(ruled, text)).toContain(kind);
  });
});
