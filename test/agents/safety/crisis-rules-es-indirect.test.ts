import { describe } from 'vitest';
import { crisisReach, rulesOf } from '../../support/rule-reach.js';

/**
 * es-US indirect suicidal language: a resolve already made, farewells dressed as thanks, ambivalence
 * about waking up, other people's reports, not being around for the next refill, and means or research
 * with intent. Each family is checked against ordinary messages in the same words: a crisis rule's
 * finding is never cleared, so a rule that fires on logistics holds that patient's message for a person.
 */
describe('es-US crisis rules: indirect language', () => {
  crisisReach(
    rulesOf('es-US').ruled,
    [
      // a resolve about dying or leaving, any person, either order
      ['plan_or_means', 'ya tome la decision de quitarme la vida'],
      ['plan_or_means', 'estoy en paz con mi decision de irme de este mundo'],
      ['plan_or_means', 'ya lo decidí, esta semana me voy para siempre'],
      ['plan_or_means', 'mi hermano dice que ya decidio matarse'],
      ['plan_or_means', 'ya se lo que tengo que hacer, nadie me va a extrañar'],
      ['plan_or_means', 'no quiero seguir dando lata, ya no les voy a costar nada, ya esta decidido'],
      ['plan_or_means', 'ya decidi q no voy a seguir viva'],
      // farewells dressed as thanks or as a last message
      ['goodbye', 'gracias por todo, cuídense mucho'],
      ['goodbye', 'ya no van a saber nada de mi, perdon'],
      ['goodbye', 'diganle a mis niños que los amo'],
      ['goodbye', 'que alguien cuide a mi gata por favor'],
      ['goodbye', 'les encargo mucho a mis nietos'],
      ['goodbye', 'este mensaje es mi despedida, esto es una despedida'],
      ['goodbye', 'cuiden a mi esposo por mi, yo ya no voy a poder'],
      // ambivalence about being alive or waking up, terse answers included
      ['death_wish', 'la neta no se si quiero seguir viva'],
      ['death_wish', 'me da igual si despierto o no'],
      ['death_wish', 'no me importaría no volver a despertar'],
      ['death_wish', 'estaria bien ya no amanecer'],
      ['death_wish', 'si no amanezco mañana, ni modo'],
      ['death_wish', 'ya no tengo ganas de vivir'],
      ['death_wish', 'vivir o morir me da lo mismo'],
      // someone else's plan or talk of dying, a clinician's note
      ['plan_or_means', 'mi hija me conto que tiene un plan'],
      ['plan_or_means', 'mi esposo dice que ya tiene su plan y no me quiere decir cual'],
      ['death_wish', 'mi suegro anda hablando de quitarse la vida'],
      ['death_wish', 'mi mamá se la pasa hablando de que estariamos mejor sin ella'],
      ['death_wish', 'la paciente refiere ideas de no despertar'],
      ['death_wish', 'mi tia habla seguido de morirse'],
      // not being around, or not needing the refill, with no ordinary reason
      ['goodbye', 'yo ya no voy a estar para el siguiente refill'],
      ['goodbye', 'ya no voy a necesitar la insulina'],
      ['goodbye', 'despues de esta caja ya no las voy a ocupar'],
      ['goodbye', 'para entonces yo ya no estoy, no se preocupen'],
      ['goodbye', 'despues del lunes ya no voy a estar'],
      // means with intent, research, a note in a farewell
      ['plan_or_means', 'tengo una escopeta y pienso usarla conmigo'],
      ['plan_or_means', 'ya tengo la soga en el closet'],
      ['plan_or_means', 'cuando paso por el puente me dan ganas de aventarme'],
      ['plan_or_means', 'a veces pienso en meterme debajo del camion'],
      ['plan_or_means', 'estoy en la orilla del barranco y quiero saltar'],
      ['plan_or_means', 'voy a dejar la troca prendida en la cochera cerrada'],
      ['overdose_intent', 'que cantidad de insulina es mortal'],
      ['overdose_intent', 'estoy buscando en internet formas de suicidarme'],
      ['goodbye', 'les escribi una carta a mis papas antes de irme para siempre'],
    ],
    [
      // a decision that is logistics
      'ya lo decidi, me cambio de seguro en enero',
      'ya tome la decision de irme a vivir a houston con mi hija',
      'ya decidi que me voy a operar en marzo',
      'estoy en paz con mi decision de dejar de comer azucar',
      'ya se lo que tengo que hacer para pedir el reembolso',
      // ordinary goodbyes
      'gracias por todo, cuidense, me doy de baja de los mensajes',
      'gracias por todo, me cambio de programa el mes que entra',
      'ya no van a saber de mi en unas semanas porque me voy de viaje',
      'que alguien cuide a mi perro mientras estoy internada',
      'diganle a mis hijos que los quiero ver el domingo',
      'diganle a la doctora que la quiero mucho, es un angel',
      'muchas gracias por todo, adios, ya me pasaron a medicare',
      // waking up at an hour or with a symptom, living somewhere
      'me da igual si despierto temprano o tarde',
      'estaria bien no despertar con dolor de cabeza',
      'no se si quiero vivir en un departamento o en una casa',
      'no tengo ganas de ir a la farmacia hoy',
      'si no amanezco mejor de la gripa voy a la clinica',
      // other people's plans that are not a crisis
      'mi hijo dice que tiene un plan para pagar la medicina',
      'el seguro dice que tiene un plan mas barato',
      'mi abuela se la pasa hablando de su rancho',
      'la paciente refiere ideas de bajar la dosis',
      // refills with a reason, office hours
      'ya no voy a necesitar el refill porque el doctor me cambio la medicina',
      'ya no voy a estar para el proximo surtido, me mudo a nevada',
      'a las cuatro ya no voy a estar, marquen antes',
      'ya no voy a necesitar la receta de papel',
      'ya no voy a necesitar nada mas por ahora, gracias',
      // means words that are ordinary
      'estoy en el puente de la frontera, voy a llegar tarde',
      'compre una pistola para cuidar la casa',
      'deje la troca prendida en la cochera para que se caliente',
      'que dosis es mortal para un gato si se come una pastilla',
      'hice mi testamento con la notaria antes de la cirugia',
    ],
  );
});
