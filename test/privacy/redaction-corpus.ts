/**
 * Realistic snippets a patient, caregiver or reviewer might type (survey answers, chat,
 * reviewer notes). `pii` must disappear from the redacted text; `keep` must survive it.
 * Written before the patterns, as a measure of them rather than a mirror of them.
 */
export interface CorpusEntry {
  text: string;
  pii: string[];
  keep: string[];
  /** Personal values seeded from the request (subject fields). */
  known?: string[];
}

/** The programme's own approved support contacts: content, not PII. */
export const CORPUS_ALLOW = ['1-800-555-0142', 'lumenzo-support.example.com'];

export const WITH_PII: CorpusEntry[] = [
  {
    text: 'Hi my name is Maria Gonzalez and I missed my refill because the pharmacy closed early.',
    pii: ['Maria Gonzalez'],
    keep: ['missed my refill', 'pharmacy closed early'],
  },
  { text: 'You can reach me at (555) 123-4567 after 5pm.', pii: ['(555) 123-4567'], keep: ['after 5pm'] },
  { text: "my cell is 555.867.5309, text dont call i'm at work", pii: ['555.867.5309'], keep: ['text dont call'] },
  {
    text: "Call me on +1 555 123 4567 if the copay card doesn't work",
    pii: ['+1 555 123 4567', '555 123 4567'],
    keep: ['copay card'],
  },
  { text: 'email is JANE.DOE+lumenzo@Gmail.com, thanks', pii: ['JANE.DOE+lumenzo@Gmail.com', 'JANE.DOE'], keep: [] },
  {
    text: 'SSN 123-45-6789 was on the form they asked me to fill out, is that normal??',
    pii: ['123-45-6789'],
    keep: ['is that normal??'],
  },
  {
    text: 'Member ID ABC123456789 — the pharmacy says my plan rejected the claim.',
    pii: ['ABC123456789'],
    keep: ['plan rejected the claim'],
  },
  {
    text: 'Reviewer note: chart shows MRN: 00123456, refill 9 days late.',
    pii: ['00123456'],
    keep: ['9 days late', 'Reviewer note'],
  },
  {
    text: 'portal link https://portal.example.org/patient?id=88231 wont load on my phone',
    pii: ['https://portal.example.org/patient?id=88231', '88231'],
    keep: ['wont load on my phone'],
  },
  {
    text: "I'm Robert Chen, 1423 Maple Ave, Springfield, IL 62704. Please stop the texts.",
    pii: ['Robert Chen', '1423 Maple Ave', 'Springfield', '62704'],
    keep: ['Please stop the texts'],
  },
  {
    text: 'Caller verified DOB 04/12/1961 and asked about the 30 tablets.',
    pii: ['04/12/1961'],
    keep: ['30 tablets', 'Caller verified'],
  },
  { text: "I was born on March 3, 1975 so I'm on Medicare soon", pii: ['March 3, 1975'], keep: ['Medicare soon'] },
  {
    text: "my husband's birthday 3/4/80 is when he forgets his pills lol",
    pii: ['3/4/80'],
    keep: ['forgets his pills'],
  },
  {
    text: 'Card number 4111 1111 1111 1111 exp 08/27 please charge the $5 copay',
    pii: ['4111 1111 1111 1111'],
    keep: ['$5 copay'],
  },
  { text: 'Logged in from 192.168.1.24 and the page was blank', pii: ['192.168.1.24'], keep: ['page was blank'] },
  { text: 'my wife Linda handles all my meds since the stroke', pii: ['Linda'], keep: ['handles all my meds'] },
  {
    text: "This is Dr. Patel's office calling about the prior auth for Lumenzo 2 mg.",
    pii: ['Patel'],
    keep: ['prior auth', 'Lumenzo 2 mg'],
  },
  {
    text: "Mrs. O'Brien says the side effects (nausea) got better after 2 weeks.",
    pii: ["O'Brien"],
    keep: ['nausea', 'after 2 weeks'],
  },
  {
    text: 'Thanks for the reminders. Signed, Tom Willis',
    pii: ['Tom Willis'],
    keep: ['Thanks for the reminders'],
  },
  { text: 'call me Liz, nobody calls me Elizabeth anymore', pii: ['Liz', 'Elizabeth'], keep: ['anymore'] },
  {
    text: 'Patient Anna Kowalski reports dizziness since starting the 10 mg dose.',
    pii: ['Anna Kowalski'],
    keep: ['dizziness', '10 mg dose'],
  },
  {
    text: "Name: James O'Neil\nPhone: 555-201-3344\nIssue: can't afford refill",
    pii: ["James O'Neil", '555-201-3344'],
    keep: ["can't afford refill"],
  },
  {
    text: 'I live at 221B Baker Street Apt 4, can you mail the starter kit there',
    pii: ['221B Baker Street Apt 4', 'Baker Street'],
    keep: ['starter kit'],
  },
  { text: 'send it to PO Box 123, Helena, MT 59601', pii: ['PO Box 123', 'Helena', '59601'], keep: ['send it to'] },
  { text: 'zip 30301 — is there a pharmacy near me that carries it?', pii: ['30301'], keep: ['pharmacy near me'] },
  { text: 'my zip code is 90210-1234 if that helps', pii: ['90210-1234'], keep: ['if that helps'] },
  {
    text: 'my son Jacob, 16, refuses to take it at school',
    pii: ['Jacob'],
    keep: ['16', 'refuses to take it at school'],
  },
  {
    text: "I'm Sarah. I'm worried about the cost, it's $450 a month without insurance.",
    pii: ['Sarah'],
    keep: ['$450 a month', 'worried about the cost'],
  },
  { text: 'they wanted my ssn: 987654321 to enroll, I gave it', pii: ['987654321'], keep: ['to enroll'] },
  { text: 'Policy # WX-5582-0931-77 at BlueCross', pii: ['WX-5582-0931-77'], keep: ['BlueCross'] },
  {
    text: 'Account number 0048812270 for the copay assistance',
    pii: ['0048812270'],
    keep: ['copay assistance'],
  },
  { text: "driver's license D1234-5678-9012 photo attached", pii: ['D1234-5678-9012'], keep: ['photo attached'] },
  { text: 'license plate 7ABC123 got towed at the clinic lot lol', pii: ['7ABC123'], keep: ['got towed'] },
  {
    text: 'The glucose meter serial no. SN4JX92K77Q keeps showing error 5',
    pii: ['SN4JX92K77Q'],
    keep: ['error 5'],
  },
  {
    text: 'my email is bob_smith1970@yahoo.com and my phone 5551234567',
    pii: ['bob_smith1970@yahoo.com', '5551234567'],
    keep: [],
  },
  {
    text: 'Text me at 555 987 6543 or email m.alvarez@example.net',
    pii: ['555 987 6543', 'm.alvarez@example.net'],
    keep: ['Text me at'],
  },
  {
    text: 'DR. NGUYEN said take it with food in the morning',
    pii: ['NGUYEN'],
    keep: ['take it with food in the morning'],
  },
  {
    text: 'Mr Jenkins (my dad) is 92 years old and lives alone',
    pii: ['Jenkins', '92 years old'],
    keep: ['lives alone'],
  },
  {
    text: 'this is Karen Whitfield calling back re: the copay card',
    pii: ['Karen Whitfield'],
    keep: ['copay card'],
  },
  {
    text: "I'm Derek Lang, my daughter Emma takes Lumenzo 5 mg twice a day",
    pii: ['Derek Lang', 'Emma'],
    keep: ['Lumenzo 5 mg twice a day'],
  },
  { text: 'dob: 1961-04-12, mrn 7781203', pii: ['1961-04-12', '7781203'], keep: [] },
  {
    text: 'Appt was 03/14/2024 but I missed it because of work',
    pii: ['03/14/2024'],
    keep: ['missed it because of work'],
  },
  {
    text: "Discharged from St. Mary's on Jan 5, 2024 and never got the new script",
    pii: ['Jan 5, 2024'],
    keep: ['never got the new script'],
  },
  {
    text: 'visit https://myhealth.example.com/records/5512093 to see labs',
    pii: ['https://myhealth.example.com/records/5512093', '5512093'],
    keep: ['to see labs'],
  },
  { text: 'IP 10.0.0.157 shows in the audit log for the login', pii: ['10.0.0.157'], keep: ['audit log'] },
  {
    text: 'the app error listed 2001:0db8:85a3:0000:0000:8a2e:0370:7334 as the client',
    pii: ['2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    keep: ['as the client'],
  },
  {
    text: 'my Visa is 4532-0151-1283-0366, can you check if the copay was charged twice',
    pii: ['4532-0151-1283-0366'],
    keep: ['charged twice'],
  },
  {
    text: 'Caregiver here for my mom Rosa Diaz, born 12/25/1948, she lives at 88 Elm St Unit 2B',
    pii: ['Rosa Diaz', '12/25/1948', '88 Elm St Unit 2B'],
    keep: ['Caregiver here'],
  },
  {
    text: "The patient's name is Greg Hollis and his member # is H884213375",
    pii: ['Greg Hollis', 'H884213375'],
    keep: [],
  },
  {
    text: 'Please update address to 4500 W Sunset Blvd #210, Los Angeles, CA 90027',
    pii: ['4500 W Sunset Blvd #210', 'Los Angeles', '90027'],
    keep: ['Please update address'],
  },
  {
    text: 'reach my daughter Priya at priya.s@outlook.com',
    pii: ['Priya', 'priya.s@outlook.com'],
    keep: ['reach my daughter'],
  },
  { text: 'fax the form to 555-443-2100 attn: billing', pii: ['555-443-2100'], keep: ['attn: billing'] },
  {
    text: 'Group number 88412, subscriber ID ZQX-448812-01, plan is through my job',
    pii: ['ZQX-448812-01'],
    keep: ['through my job'],
  },
  {
    text: 'hi my name is devon i keep forgetting the evening dose',
    pii: ['devon'],
    keep: ['forgetting the evening dose'],
  },
  { text: 'Rx# 6620931 at Walgreens on Main', pii: ['6620931'], keep: ['Walgreens'] },
  { text: 'My bday is 7/19 and I turned 45 last year', pii: ['7/19'], keep: ['turned 45'] },
  {
    text: 'Hey its Marcus. Pharmacy said prior auth expired 2/1/2025.',
    pii: ['Marcus', '2/1/2025'],
    keep: ['prior auth expired'],
  },
  {
    text: 'Approved with edits, see comments on block 3. — Dr. Helen Park',
    pii: ['Helen Park'],
    keep: ['Approved with edits', 'block 3'],
  },
  {
    text: 'pt John A. Smith, DOB 5/6/1950, MRN 4412-990',
    pii: ['John A. Smith', '5/6/1950', '4412-990'],
    keep: [],
  },
  {
    text: "Please don't send anything to my work email jsmith@acme-corp.com",
    pii: ['jsmith@acme-corp.com'],
    keep: ['my work email'],
  },
  { text: 'my phone number changed to 1 (555) 321-0099', pii: ['(555) 321-0099'], keep: ['changed to'] },
  { text: 'Medicaid ID 12345678A, renewal due soon', pii: ['12345678A'], keep: ['renewal due soon'] },
  {
    text: "I can't get to 750 Oak Road because the bus stopped running",
    pii: ['750 Oak Road'],
    keep: ['bus stopped running'],
  },
  {
    text: 'my neighbor Mrs. Gupta drives me to pick it up',
    pii: ['Gupta'],
    keep: ['drives me to pick it up'],
  },
  {
    text: "here's my insurance card: Member ID: MBR 7731 2209 45",
    pii: ['7731 2209 45'],
    keep: ["here's my insurance card"],
  },
  {
    text: 'facebook.com/maria.gonzalez.1975 is where I posted about it',
    pii: ['facebook.com/maria.gonzalez.1975', 'maria.gonzalez'],
    keep: ['where I posted about it'],
  },
  {
    text: 'Lives in Dayton, OH 45402, says nearest pharmacy is 20 miles away',
    pii: ['Dayton', '45402'],
    keep: ['20 miles away'],
  },
  { text: 'Hi, Jennifer Alvarez here, I need to reschedule', pii: ['Jennifer Alvarez'], keep: ['need to reschedule'] },
  {
    text: 'the nurse, Kim, told me to skip a dose if I feel dizzy',
    pii: ['Kim'],
    keep: ['skip a dose if I feel dizzy'],
  },
  { text: 'My social is 078-05-1120', pii: ['078-05-1120'], keep: [] },
  {
    text: 'Contact: Lou Bianchi 555-778-1200 lou.b@mail.example.com',
    pii: ['Lou Bianchi', '555-778-1200', 'lou.b@mail.example.com'],
    keep: [],
  },
  { text: 'she was born 2/29/1952 and is 72', pii: ['2/29/1952'], keep: ['and is 72'] },
  { text: 'EKG done 11/02/23, results normal', pii: ['11/02/23'], keep: ['results normal', 'EKG done'] },
  {
    text: 'www.carepatient.example.com/u/jdoe88?session=ab12 keeps logging me out',
    pii: ['www.carepatient.example.com/u/jdoe88?session=ab12', 'jdoe88'],
    keep: ['keeps logging me out'],
  },
  { text: 'ok got it, will take it tonight. thanks, beth', pii: ['beth'], keep: ['will take it tonight'] },
  {
    text: 'My husband, Raymond Oduya, handles the refills',
    pii: ['Raymond Oduya'],
    keep: ['handles the refills'],
  },
  { text: 'if no answer call my daughter at 555-0199', pii: ['555-0199'], keep: ['if no answer'] },
  {
    text: 'My address is 17 Birch Lane, Ashford CT 06278',
    pii: ['17 Birch Lane', 'Ashford', '06278'],
    keep: ['My address is'],
  },
  {
    text: 'Vehicle VIN 1HGCM82633A004352 — used for transport reimbursement',
    pii: ['1HGCM82633A004352'],
    keep: ['transport reimbursement'],
  },
  { text: 'passport number X12345678 for the travel letter', pii: ['X12345678'], keep: ['travel letter'] },
  {
    text: "I'm the caregiver for my grandmother Ruth Ellison (93 yo) and she keeps refusing the pill",
    pii: ['Ruth Ellison', '93 yo'],
    keep: ['keeps refusing the pill'],
  },
  { text: 'Her date of birth is April 9th, 1949.', pii: ['April 9th, 1949'], keep: ['Her date of birth is'] },
  {
    text: 'IMEI 490154203237518 on the med reminder device',
    pii: ['490154203237518'],
    keep: ['med reminder device'],
  },
  {
    text: 'Email: KWILLIAMS@HOTMAIL.COM | Tel: 555 210 8876',
    pii: ['KWILLIAMS@HOTMAIL.COM', '555 210 8876'],
    keep: [],
  },
  {
    text: 'bola missed 3 doses this week, her dad says',
    known: ['Bola', 'Adeyemi'],
    pii: ['bola'],
    keep: ['3 doses this week'],
  },
  {
    text: 'theodore banks is my patient and he stopped at week 2',
    known: ['Theodore Banks'],
    pii: ['theodore banks'],
    keep: ['week 2', 'my patient'],
  },
  {
    text: 'she said to use 555 444 1212 instead',
    known: ['5554441212'],
    pii: ['555 444 1212'],
    keep: ['instead'],
  },
  { text: 'my email is tina dot m at gmail dot com', pii: ['tina', 'gmail dot com'], keep: ['my email is'] },
  { text: 'Medical record #: A-00923817 (old system)', pii: ['A-00923817'], keep: ['old system'] },
  { text: 'I moved to 9 Harbor View Dr, Apt. 3C last month', pii: ['9 Harbor View Dr', '3C'], keep: ['last month'] },
  { text: 'Claim #2024-118-55231 was denied again', pii: ['2024-118-55231'], keep: ['was denied again'] },
  {
    text: 'the link https://lumenzo-support.example.com/enroll?member=AB99812 asks me to log in',
    pii: ['AB99812'],
    keep: ['lumenzo-support.example.com', 'asks me to log in'],
  },
  { text: 'Pls call 555 - 321 - 7788 b4 noon', pii: ['555 - 321 - 7788'], keep: ['b4 noon'] },
  { text: 'My number is (555)4432211', pii: ['(555)4432211'], keep: ['My number is'] },
  { text: 'my SSN is 123 45 6789 do you need it', pii: ['123 45 6789'], keep: ['do you need it'] },
  { text: 'DOB:4/12/61 verified by phone', pii: ['4/12/61'], keep: ['verified by phone'] },
  {
    text: "Reviewer: the draft quoted 'I'm Gloria and I hate needles' verbatim — remove",
    pii: ['Gloria'],
    keep: ['hate needles', 'remove'],
  },
  {
    text: 'Dad (Frank Russo) misses the night dose 3x a week',
    pii: ['Frank Russo'],
    keep: ['misses the night dose 3x a week'],
  },
  {
    text: 'teh pharmacist Mr. Alvarez said my insurance ID W2233445566 isnt active',
    pii: ['Alvarez', 'W2233445566'],
    keep: ['isnt active'],
  },
  { text: 'From: angela.r@example.org\nSubject: refill question', pii: ['angela.r@example.org'], keep: ['refill question'] },
  { text: 'pt born on 5-6-1988 per intake', pii: ['5-6-1988'], keep: ['per intake'] },
  { text: 'Date of service 2024-02-10, visit re: nausea', pii: ['2024-02-10'], keep: ['visit re: nausea'] },
  {
    text: 'Saw Dr. Lee-Wong on 02/03/2024 at 8:30am about the rash',
    pii: ['Lee-Wong', '02/03/2024'],
    keep: ['8:30am', 'about the rash'],
  },
  {
    text: 'Hi, this is Mike Dorsey, your pharmacy has my old address 55 Pine Ct',
    pii: ['Mike Dorsey', '55 Pine Ct'],
    keep: ['your pharmacy has my old address'],
  },
  {
    text: "Another program's line 1-888-555-0199 gave me the wrong info",
    pii: ['1-888-555-0199'],
    keep: ['gave me the wrong info'],
  },
  {
    text: 'We live at 3021 n. kedzie ave apt 2 chicago il 60618',
    pii: ['3021 n. kedzie ave', '60618'],
    keep: ['We live at'],
  },
  { text: 'MY NAME IS CAROL JEAN PETERS AND I NEED HELP', pii: ['CAROL JEAN PETERS'], keep: ['I NEED HELP'] },
];

export const CLEAN: CorpusEntry[] = [
  { text: 'I missed 9 days because the refill was late.', pii: [], keep: ['9 days', 'refill was late'] },
  { text: 'The bottle has 30 tablets, I take 2 mg in the morning.', pii: [], keep: ['30 tablets', '2 mg'] },
  { text: "With the copay card it's $5 per month instead of $450.", pii: [], keep: ['$5 per month', '$450'] },
  {
    text: "I've been on Lumenzo since 2019 and it helps about 80% of the time.",
    pii: [],
    keep: ['Lumenzo', 'since 2019', '80%'],
  },
  { text: 'Reminder set for 8:30am and 9:15 pm.', pii: [], keep: ['8:30am', '9:15 pm'] },
  { text: 'Strategy used BCT 3.1 and 7.1 with 1.2 problem solving.', pii: [], keep: ['3.1', '7.1', '1.2'] },
  { text: 'Block LZ-COST-SMS-01 approved under LZ-US-0110.', pii: [], keep: ['LZ-COST-SMS-01', 'LZ-US-0110'] },
  {
    text: 'Questions? Call 1-800-555-0142 or visit lumenzo-support.example.com.',
    pii: [],
    keep: ['1-800-555-0142', 'lumenzo-support.example.com'],
  },
  { text: '{"type":"refill_late","at":"2024-03-14T08:30:00Z","days":9}', pii: [], keep: ['2024-03-14T08:30:00Z'] },
  {
    text: 'Signal at 2025-01-07T19:02:11.123-05:00 shows a skipped dose.',
    pii: [],
    keep: ['2025-01-07T19:02:11.123-05:00', 'skipped dose'],
  },
  { text: 'My A1c went from 8.1 to 7.2 over 3 months.', pii: [], keep: ['8.1', '7.2', '3 months'] },
  { text: 'Blood pressure was 130/85 this morning, pulse 72.', pii: [], keep: ['130/85', 'pulse 72'] },
  { text: 'I take half a tablet (1/2) twice a day, 12 hours apart.', pii: [], keep: ['(1/2)', '12 hours apart'] },
  {
    text: "It's a 45 minute drive to the pharmacy and the bus only runs twice a week.",
    pii: [],
    keep: ['45 minute drive', "It's a"],
  },
  {
    text: 'I walked 10000 steps yesterday and took 2 pills way too late.',
    pii: [],
    keep: ['10000 steps', '2 pills way too late'],
  },
  { text: 'The 90-day supply costs $1,200 before the deductible.', pii: [], keep: ['90-day supply', '$1,200'] },
  {
    text: "I'm worried about side effects, I'm not sure it works.",
    pii: [],
    keep: ["I'm worried", "I'm not sure it works"],
  },
  {
    text: "I'm Diabetic and this is my 3rd pharmacy this year",
    pii: [],
    keep: ["I'm Diabetic", 'my 3rd pharmacy'],
  },
  {
    text: 'My doctor said to take it with food. My wife reminds me every night.',
    pii: [],
    keep: ['My doctor said', 'My wife reminds me'],
  },
  {
    text: 'Dr. appointment is next Tuesday, then the pharmacy on Friday.',
    pii: [],
    keep: ['Dr. appointment', 'next Tuesday', 'Friday'],
  },
  {
    text: 'Many people find a weekly pill organizer helps. Ask your pharmacist.',
    pii: [],
    keep: ['Many people find a weekly pill organizer helps. Ask your pharmacist.'],
  },
  { text: 'Version 2 of the block expires in 2026 and needs ISI.', pii: [], keep: ['Version 2', '2026'] },
  {
    text: 'I only get 20% off at CVS and the coupon expires in March 2025.',
    pii: [],
    keep: ['20% off', 'March 2025'],
  },
  { text: 'Take 1 capsule every 8 hours for 10 days; refills: 3.', pii: [], keep: ['every 8 hours', '10 days'] },
  {
    text: 'The programme helped 1,250 patients in 2023 with 98.5% satisfaction.',
    pii: [],
    keep: ['1,250 patients', '2023', '98.5%'],
  },
  {
    text: 'Reviewer flagged sentence 4 in LZ-ACC-EMAIL-03 v2 for grade level 9.4.',
    pii: [],
    keep: ['sentence 4', 'LZ-ACC-EMAIL-03 v2', '9.4'],
  },
  { text: 'Weight went up 5 lbs in 2 weeks, is that the Lumenzo?', pii: [], keep: ['5 lbs in 2 weeks', 'Lumenzo'] },
  { text: 'Thanks, that helps a lot!', pii: [], keep: ['Thanks, that helps a lot!'] },
  {
    text: 'Call me when the refill is ready, not before 10am.',
    pii: [],
    keep: ['Call me when the refill is ready', '10am'],
  },
  {
    text: 'My son picks it up from Walgreens on Main Street every month.',
    pii: [],
    keep: ['My son picks it up', 'Main Street'],
  },
  { text: "I'm 67 years old and on Medicare Part D.", pii: [], keep: ['67 years old', 'Part D'] },
  { text: 'Page 2 of 3, step 4: press the plunger for 10 seconds.', pii: [], keep: ['Page 2 of 3', '10 seconds'] },
  { text: 'The trial ran from 2018 to 2021 with 1,204 participants.', pii: [], keep: ['2018 to 2021', '1,204'] },
  {
    text: 'See https://www.fda.gov/medwatch to report side effects.',
    pii: [],
    keep: ['https://www.fda.gov/medwatch'],
  },
  { text: 'Daily dose is 0.5 mg, max 1.5 mg per day.', pii: [], keep: ['0.5 mg', '1.5 mg per day'] },
  { text: 'Call 911 if you have chest pain or trouble breathing.', pii: [], keep: ['Call 911'] },
  { text: 'refill_late x3 in 30 days; adherence PDC 0.62.', pii: [], keep: ['x3 in 30 days', '0.62'] },
  {
    text: 'The copay card BIN 610020 and PCN LZCOPAY go on the pharmacy claim.',
    pii: [],
    keep: ['BIN 610020', 'PCN LZCOPAY'],
  },
  {
    text: 'This is a reminder that your Lumenzo refill is due. Reply STOP to opt out.',
    pii: [],
    keep: ['This is a reminder', 'Reply STOP to opt out'],
  },
  {
    text: 'Patient reports nausea at 2 weeks; dose reduced to 1 mg on day 15.',
    pii: [],
    keep: ['Patient reports nausea', 'day 15'],
  },
];
