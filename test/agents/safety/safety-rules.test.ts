import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crisisReach, rulesOf } from '../../support/rule-reach.js';

const { rules, ruled } = rulesOf('en-US');
const kinds = (text: string) => ruled(text).map((f) => f.kind);
const RULE_CUES = new Set(rules.map((r) => r.cue));

describe('en-US safety rules', () => {
  it.each([
    ['i wanna kms', 'crisis'],
    ['thinking about sucide', 'crisis'],
    ['I have been saving up my sleeping pills', 'crisis'],
    ['everyone would be better off without me', 'crisis'],
    ['My mom broke out in hives after her shot', 'adverse_event'],
    ['I accidentally injected two doses this week', 'adverse_event'],
    ['I just found out I am pregnant', 'adverse_event'],
    ['the pen jammed and would not click', 'product_complaint'],
    ['the ice packs were melted when it arrived', 'product_complaint'],
    ['Can I drink wine while on Lumenzo?', 'medical_information'],
    ['can my husband use one of my pens?', 'medical_information'],
  ])('find "%s" (%s)', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it('name the rule that fired, never the words', () => {
    const [finding] = ruled('I want to end my life');
    expect(finding).toMatchObject({ kind: 'crisis', source: 'rule', score: 1 });
    expect(finding!.cues).toEqual(['death_wish']);
  });

  it('leave hyperbole, worry and ordinary barriers alone', () => {
    for (const text of [
      'this price is killing me',
      "I'm dying to know when my refill ships",
      "I'm scared I'll get hives",
      'what if the pen jams?',
      'how do I get a copay card',
      'my reminder app stopped working',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('skip an event a negation governs, but never a crisis', () => {
    expect(kinds('I have never had an allergic reaction')).toEqual([]);
    expect(kinds('I had an allergic reaction')).toEqual(['adverse_event']);
    expect(kinds("I'm not suicidal, just broke")).toEqual(['crisis']);
  });

  it('report several kinds in one text, most severe first', () => {
    expect(kinds('I want to die. Also the pen jammed and I got hives, can I take Benadryl?')).toEqual([
      'crisis',
      'adverse_event',
      'product_complaint',
      'medical_information',
    ]);
  });

  it('finish on a megabyte single token and a megabyte of words', () => {
    expect(ruled('a'.repeat(1 << 20))).toEqual([]);
    expect(ruled('ok then '.repeat(1 << 17))).toEqual([]);
  });

  it('return only rule names as cues, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const f of ruled(text)) for (const cue of f.cues) expect(RULE_CUES.has(cue)).toBe(true);
      }),
    );
  });
});

describe('en-US crisis rules: tense, person and third-party reports', () => {
  crisisReach(
    ruled,
    [
      ['overdose_intent', "I'm swallowing every pill in the cabinet"],
      ['overdose_intent', 'gonna take the whole bottle tonight'],
      ['overdose_intent', 'I took an entire box of my sleeping pills'],
      ['overdose_intent', 'thinking about taking all my husband’s heart pills'],
      ['overdose_intent', 'she swallowed them all and locked the door'],
      ['overdose_intent', 'I took a handful of painkillers on purpose'],
      ['overdose_intent', 'I googled how many pills it would take'],
      ['overdose_intent', 'I have enough pills saved up to not wake up'],
      ['prior_attempt', 'my partner tried to overdose last night'],
      ['prior_attempt', 'my brother attempted to end his life in May'],
      ['prior_attempt', 'I survived an attempt last month'],
      ['self_harm', 'my grandson says he wants to kill himself'],
      ['self_harm', 'my teenager has been cutting herself'],
      ['self_harm', 'I want to cut so bad right now'],
      ['self_harm', 'I cut myself again last night'],
      ['death_wish', 'my mother says she wants to die'],
      ['death_wish', 'she is going to let herself die'],
      ['death_wish', 'I just want someone to kill me'],
      ['stockpiling', 'I found my daughter’s stash of pills under her bed'],
      ['stockpiling', "I've been saving every extra pill for two months"],
      ['burden', 'my dad says he is a burden on all of us'],
      ['giving_away', 'my sister has been giving away all her belongings'],
      ['harm_others', 'my boyfriend threatened to hurt me again last night'],
      ['harm_others', 'my neighbor’s husband said he is going to kill her'],
      ['harm_others', 'my wife threatened me with a knife'],
      ['harm_others', 'I keep thinking about poisoning my mother'],
    ],
    [
      'I take all my pills in the morning',
      'swallowing all these pills is hard',
      'took all my pills for today, going to bed',
      'I am going to take all my pills on time this week',
      'I take the whole bottle with me on the trip',
      'how many weeks it would take to see a difference?',
      'my wife will kill me if I forget my shot again',
      'my son cut himself shaving',
      'The show I am watching has a character who tries to kill herself',
      'the insurance wants to cut my coverage',
      'I keep some pills set aside for travel',
      'he made an attempt to call the pharmacy',
      'the copay feels like a burden',
      'my mom gave away her things to charity before the move',
    ],
  );
});

describe('es-US crisis rules: the en-US reach in US Hispanic Spanish', () => {
  crisisReach(
    rulesOf('es-US').ruled,
    [
      // suicide_mention: tense, mood, person, clitics
      ['suicide_mention', 'tengo miedo de que mi hijo se quite la vida'],
      ['suicide_mention', 'a veces pienso en quitarme la vida'],
      ['suicide_mention', 'mi hermana se iba a quitar la vida'],
      ['suicide_mention', 'me quiero suisidar'],
      // self_harm
      ['self_harm', 'si me deja mi esposo me mato'],
      ['self_harm', 'mi novia dice que se va a matar si la dejo'],
      ['self_harm', 'me mataria si no fuera por mis hijos'],
      ['self_harm', 'me estoy quemando los brazos con cigarros'],
      ['self_harm', 'mi hija se corto los brazos anoche'],
      ['self_harm', 'llevo meses autolesionandome'],
      ['self_harm', 'me voy a pegar un tiro'],
      ['self_harm', 'mi hija se quiere aventar de la azotea'],
      // death_wish
      ['death_wish', 'ya no quiero despertar en las mañanas'],
      ['death_wish', 'mi abuelo dice que ya se quiere morir'],
      ['death_wish', 'me queria morir y no se lo dije a nadie'],
      ['death_wish', 'ojala no despierte mañana'],
      ['death_wish', 'tengo ganas de morirme hoy'],
      ['death_wish', 'mi hija escribio que ya no quiere vivir'],
      ['death_wish', 'mejor me muero, no valgo lo que cuesta la medicina'],
      ['death_wish', 'me quiero ir de este mundo'],
      ['death_wish', 'le pido a dios que ya me lleve'],
      // overdose_intent: a quantity with no "a proposito", any tense
      ['overdose_intent', 'voy a tomarme el frasco completo'],
      ['overdose_intent', 'acabo de tomarme todo el frasco'],
      ['overdose_intent', 'la semana pasada me tome un frasco entero y me llevaron al hospital'],
      ['overdose_intent', 'mi hermano se tomo toda la caja'],
      ['overdose_intent', 'cuando llegue el surtido me las tomo todas'],
      ['overdose_intent', 'voy a mezclar las pastillas con alcohol para no despertar'],
      ['overdose_intent', 'busque cuantas pastillas se necesitan para morir'],
      // stockpiling
      ['stockpiling', 'mi mama dice que se va a tomar todas sus pastillas'],
      ['stockpiling', 'junte las pastillas de tres meses'],
      ['stockpiling', 'tengo las pastillas guardadas para cuando me decida'],
      // plan_or_means
      ['plan_or_means', 'mi novio dice que va a tirarse de un puente'],
      ['self_harm', 'mi novio dice que se va a tirar de un puente'],
      ['plan_or_means', 'ya compre la soga'],
      ['plan_or_means', 'tengo el arma cargada'],
      // goodbye, giving_away, burden
      ['goodbye', 'este es mi ultimo mensaje'],
      ['goodbye', 'escribi cartas de despedida para mis hijos'],
      ['goodbye', 'ya me despedi de mis hijos por si no amanezco'],
      ['goodbye', 'mi amiga publico una despedida en face y nadie la encuentra'],
      ['giving_away', 'mi papa anda regalando sus cosas'],
      ['burden', 'mi familia va a estar mejor sin mi'],
      ['burden', 'me siento una carga para todos'],
      ['burden', 'mis hijos estarian mejor sin una madre como yo'],
      // prior_attempt
      ['prior_attempt', 'el año pasado intente quitarme la vida'],
      ['prior_attempt', 'mi hijo trato de ahorcarse'],
      // safety_concern
      ['safety_concern', 'tengo miedo de lo que me pueda hacer esta noche'],
      ['safety_concern', 'no me siento a salvo conmigo misma'],
      // harm_others: the writer, a child, a neighbour in danger
      ['harm_others', 'el esposo de mi vecina amenaza con matarla'],
      ['harm_others', 'mi ex me dijo que me va a matar'],
      ['harm_others', 'tengo miedo de lastimar a mis hijos'],
      ['harm_others', 'me ahorco la semana pasada y dijo que la proxima vez no para'],
      // hopelessness
      ['hopelessness', 'ya no le veo sentido a la vida'],
      ['hopelessness', 'no tiene caso seguir viviendo'],
      ['hopelessness', 'no vale la pena seguir viviendo asi'],
    ],
    [
      'me quiero morir de la risa con ese video',
      'me queria morir cuando se me cayo la pluma en la farmacia',
      'no quiero despertar tarde mañana',
      'me voy a cortar el pelo el sabado',
      'me voy a tirar en la cama un rato',
      'este copago me va a matar',
      'mi jefe me mata si llego tarde',
      'esas filas son para matarse jaja',
      'se mato trabajando toda la semana',
      'tomo todas mis pastillas en la mañana',
      'me tome todas las pastillas que me tocaban hoy',
      'mi hijo de 3 años se tomo medio frasco del jarabe',
      'junto las pastillas de la semana en el pastillero',
      'ojala no amanezca lloviendo',
      'la deuda me tiene con la soga al cuello',
      'me voy para siempre a arizona',
      'ya acabe con todo el papeleo',
      'quiero matar al que invento las llamadas automaticas',
      'perdon por ser una molestia',
      'regale mis cosas viejas porque me mudo',
      'no vale la pena pagar tanto',
      'no tiene caso seguir llamando a la farmacia',
      'este es mi ultimo mensaje por hoy, buenas noches',
      'es el ultimo mensaje que les mando sobre la tarjeta de copago',
      'este es el ultimo mensaje que les mando, ya quedo todo resuelto con el seguro',
      'me voy a aventar a la carretera temprano para llegar a la cita',
      'me voy a aventar al super por la leche',
      'quiero tirarme en el sillon a ver la novela',
    ],
  );
});
