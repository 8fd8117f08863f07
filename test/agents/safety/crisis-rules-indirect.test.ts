import { describe } from 'vitest';
import { crisisReach, rulesOf } from '../../support/rule-reach.js';

/**
 * en-US crisis rules for indirect suicidal language. Each family's ordinary look-alikes share its
 * words: a decision about a pharmacy, an opt-out, a trip, a joke, a warning, a self-injection.
 */
const { ruled } = rulesOf('en-US');

describe('en-US crisis rules: a resolve about dying or leaving', () => {
  crisisReach(
    ruled,
    [
      ['resolve', "I've made up my mind, I'm ending it this weekend"],
      ['resolve', 'made up my mind, I won’t be around after this week'],
      ['resolve', 'I know what I have to do, I have the pills ready'],
      ['resolve', "it's decided, I'm not going to be here after Friday"],
      ['resolve', 'I am at peace with my decision to end my life'],
      ['resolve', 'my mind is made up, im done with this life'],
    ],
    [
      "I've made up my mind, I'm switching to the mail order pharmacy",
      'made up my mind to end things with my boyfriend',
      'I know what I have to do to get my copay card activated',
      "it's decided, we're moving to Denver in the spring",
      "I'm at peace with my decision to switch to the pen",
      "I've made my peace with the diagnosis and I'm ready to fight it",
      "I've decided to stop the program texts, I don't need the reminders",
      "it's decided: we're going to die laughing on this trip",
      "the decision is made, I'm not going to be here in the summer, we're at the cabin",
      "I've made my decision, I'm ready to go to the appointment now",
    ],
  );
});

describe('en-US crisis rules: a farewell dressed as thanks or a last message', () => {
  crisisReach(
    ruled,
    [
      ['farewell', 'this is my last text, thank you for everything'],
      ['farewell', 'this is my final message to all of you'],
      ['farewell', 'you won’t hear from me ever again after tonight'],
      ['farewell', 'thank you for everything, take care of yourselves'],
      ['farewell', 'thanks for everything. please forgive me'],
      ['farewell', 'please make sure someone feeds my dog after tomorrow'],
      ['farewell', 'make sure my kids know I love them'],
      ['farewell', "don't blame yourselves"],
      ['farewell', 'this is goodbye'],
      ['farewell', 'this is the end of the road for me. thank you for being kind'],
    ],
    [
      'this is my last text for today, talk tomorrow',
      'this is my last message on this number, I got a new phone',
      "you won't hear from me again, I'm unsubscribing from the texts",
      "you won't hear from me again until my next refill",
      "thank you for everything, I'm switching to my new insurer's program",
      'thanks for everything, take care of yourselves and happy holidays from all of us at the clinic',
      'thank you for everything Nurse Kim, good luck at your new job',
      "please make sure someone feeds my dog while I'm in the hospital",
      "make sure someone feeds my cat, I'm away for the weekend",
      "it's not your fault the shipment was late",
      'thanks for everything, I’m sorry I was late with the forms',
      'this is goodbye from me, I’m switching to the new program next week',
      'this is the end of the road for me with this insurance company',
    ],
  );
});

describe('en-US crisis rules: not sure about being alive or waking up', () => {
  crisisReach(
    ruled,
    [
      ['ambivalence', "honestly I'm not sure I want to be alive"],
      ['ambivalence', 'idk if i want to be alive'],
      ['ambivalence', 'i dont care if i wake up tomorrow'],
      ['ambivalence', "I wouldn't mind not waking up"],
      ['ambivalence', "it would be fine if I didn't wake up"],
      ['ambivalence', "if I don't wake up tomorrow that's fine by me"],
      ['ambivalence', "wouldn't care if I died tonight"],
      ['ambivalence', 'not waking up sounds nice'],
      ['ambivalence', 'meh. not sure i even want to wake up tmrw'],
      ['ambivalence', 'still alive, unfortunately.'],
      ['ambivalence', 'unfortunately im still alive'],
    ],
    [
      'not sure I want to go on the new biologic',
      "I don't care if I wake up early, just send the reminder at 7",
      "I wouldn't mind not waking up at 5am for the shot",
      "it would be fine if I didn't wake up in time, just text again",
      "I'm not sure I want to live with my sister after the move",
      'not sure I want to be alive for the two-hour wait at the DMV lol',
      "I don't care if I die my hair purple",
      "I don't mind if I wake up sore, the shot is worth it",
      "she doesn't care whether I live nearby as long as I call",
      "honestly if I don't wake up early tomorrow that's fine, it's Saturday",
      'still alive, unfortunately the rash is back',
      'unfortunately I woke up this morning with a migraine',
    ],
  );
});

describe('en-US crisis rules: someone else reports a plan, intent or talk of dying', () => {
  crisisReach(
    ruled,
    [
      ['third_party_report', 'she says she has a plan'],
      ['third_party_report', 'my son told me he has a plan to end his life'],
      ['third_party_report', 'he keeps talking about ending it'],
      ['third_party_report', 'my wife keeps talking about not wanting to be here'],
      ['third_party_report', 'my brother texted that he’s going to end it tonight'],
      ['third_party_report', 'pt endorsed SI with a plan'],
      ['third_party_report', 'my brother sent me a goodbye text and now he won’t answer'],
      ['third_party_report', 'she texted bye and has not been picking up her phone'],
    ],
    [
      'my husband says he has a plan for the copay',
      'the doctor said he has a plan for my treatment',
      'she says she has a plan to switch insurance',
      'he keeps talking about ending it with his girlfriend',
      'my daughter keeps talking about dying her hair blue',
      "my dad keeps talking about dying of the flu, he's scared of it",
      "he told me he doesn't want to live in the city anymore",
      "he said he's going to end it with the cable company",
      'patient has SI joint dysfunction, please advise on the injection schedule',
      'my nurse sent us a goodbye letter, she is retiring',
      "my daughter texted goodbye from the airport and she's not answering because she's on the plane",
    ],
  );
});

describe('en-US crisis rules: not being around, with no ordinary reason in the sentence', () => {
  crisisReach(
    ruled,
    [
      ['not_around', 'I won’t be around for the next refill'],
      ['not_around', 'I won’t need these after this month'],
      ['not_around', "I'm not planning on being alive for the next refill"],
      ['not_around', 'I won’t need my medication where I’m going'],
      ['not_around', 'thanks for the reminder, I wont be needing the next refill'],
    ],
    [
      "I won't be around for the next refill, I'll be at my daughter's in Texas",
      'I won’t need these after this month, my dermatologist is switching me to a cream',
      "I'm switching pharmacies so I won't need the next refill from you",
      "since I'm moving to Oregon, I won't be around for the next shipment",
      'I won’t need the next refill, I still have three pens left',
      "I don't think I'll be around for the next appointment since it's during my shift",
      'won’t be alive for the next refill? lol no, just travelling',
      'I won’t be needing the next shipment because insurance switched me',
    ],
  );
});

describe('en-US crisis rules: means with intent, lethality research and rehearsal', () => {
  crisisReach(
    ruled,
    [
      ['means_intent', 'just bought a rope, it is in my trunk'],
      ['means_intent', 'I have a gun and I keep thinking about using it on myself'],
      ['means_intent', 'I sat with the gun in my lap for an hour'],
      ['means_intent', 'I keep thinking about stepping in front of traffic'],
      ['means_intent', 'I want to drive my car into a wall'],
      ['means_intent', "I'm going to jump."],
      ['means_intent', "I'm sitting in my car with the engine running in the garage"],
      ['lethality_research', 'I looked up how much of my pills would be fatal'],
      ['lethality_research', "I've been researching ways to die"],
      ['lethality_research', 'I googled the easiest way to kill myself'],
      ['rehearsal', 'I practiced tying the noose last night'],
      ['rehearsal', 'I got as far as the bridge last night'],
      ['rehearsal', 'I know when and how I’m going to end it'],
      ['rehearsal', 'I wrote my will so nobody has to sort it out after I’m gone'],
    ],
    [
      'I bought a rope for the boat',
      'I bought some rope and stakes for the tent',
      'I use it on myself every two weeks, the pen is easy',
      "I'm thinking about jumping ship to another insurer",
      "I'm going to jump in the shower and then do my shot",
      "I'm on the roof right now fixing the gutters",
      "don't leave the car running in the garage, my husband always warns me",
      'the news said a man stepped in front of a bus downtown',
      'I practiced with the trainer pen until I felt ready',
      'we got as far as the bridge before the car broke down',
      "what's the best way to die my hair at home",
      'I googled how long the medication takes to work',
      "they'll approve it when I'm old and gray probably",
      'I left a note for my husband about the pharmacy pickup',
      'I rehearsed how I would do it with the nurse before my first shot',
      'I know when and how I will do it on the trip, the pen fits in my bag',
      'my husband has a plan to do it for me on Sundays',
      'she is going to do it tonight after dinner',
    ],
  );
});

describe('en-US crisis rules: stopping treatment in order to die', () => {
  crisisReach(
    ruled,
    [
      ['treatment_refusal', 'i quit my heart pills so my heart will give out'],
      ['treatment_refusal', "I've been skipping my doses hoping I won't wake up"],
      ['treatment_refusal', 'I threw away my medication because I want to die'],
      ['treatment_refusal', 'I’m letting my prescription run out so my body gives up'],
      ['treatment_refusal', "I'm praying the infection takes me"],
    ],
    [
      'I stopped the shots so I can get pregnant next year',
      'I stopped taking my pills on purpose to see if the rash goes away',
      'I stopped the medication so my liver could recover',
      "I'm letting my prescription run out because I switched to the pill",
      "I stopped my medication because I don't want to be on it for life",
      "I skipped my shots because I didn't want to wake up early to do them",
      'hoping the infection gets cleared up before my trip',
      'I hope this drug takes less time to work than the last one',
    ],
  );
});

describe('en-US crisis rules: a plan with a time, a place or a means already chosen', () => {
  crisisReach(
    ruled,
    [
      ['plan_or_means', 'I picked the date to end it'],
      ['plan_or_means', "I've chosen the night when I'm going to die"],
      ['plan_or_means', 'tonight is the night I end it'],
      ['plan_or_means', 'i know which bridge.'],
      ['plan_or_means', 'I have figured out where I could end my life'],
    ],
    [
      'I picked a date for the surgery, it’s the 14th',
      "I've picked the time to do it, 8am after breakfast",
      'we picked the spot to do it, the back of the arm',
      'tonight is the night, first shot at home by myself!',
      "today is the day, I've got everything ready for the move",
      'I know which bridge to take to the clinic',
      'I know exactly how I would do it, but the doctor wants me to wait',
      'we set a date to end the treatment with the doctor',
    ],
  );
});
