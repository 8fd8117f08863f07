/**
 * The phrases after which Spanish speakers write a name, and the Spanish function words that end
 * one (see `name-cues.ts` for what each strength means). Accented letters are not ASCII word
 * characters, so cues end at an explicit "no letter follows" rather than `\b`.
 */

const END = '(?![\\p{L}\\p{N}])';
const START = '(?<![\\p{L}\\p{N}])';

const RELATION_ES =
  'esposa|esposo|marido|mujer|pareja|hija|hijo|nieta|nieto|mam[aá]|pap[aá]|madre|padre|hermana|hermano|' +
  'abuela|abuelo|t[ií]a|t[ií]o|sobrina|sobrino|prima|primo|suegra|suegro|cuñada|cuñado|nuera|yerno|' +
  'comadre|compadre|madrina|padrino|amiga|amigo|vecina|vecino|novia|novio|cuidadora|cuidador|' +
  'doctora|enfermera|enfermero|farmac[eé]utica|farmac[eé]utico';

export const SPANISH_NAME_CUES: Array<{ strength: 'strong' | 'weak' | 'title' | 'signOff'; re: RegExp }> = [
  // "me llamo Rosa", "mi nombre es rosa", "nombre: Rosa" are followed by a name even in lower case.
  {
    strength: 'strong',
    re: new RegExp(`${START}(?:me\\s{1,6}llamo|mi\\s{1,6}nombre\\s{1,6}es|(?:nombre|paciente)\\s{0,3}:)${END}`, 'giu'),
  },
  // "habla Rosa", "le habla Rosa", "soy Rosa", "de parte de Rosa": as often followed by ordinary words.
  {
    strength: 'weak',
    re: new RegExp(
      `${START}(?:(?:le\\s{1,6})?habla|soy|de\\s{1,6}parte\\s{1,6}de|pregunte\\s{1,6}por|hable\\s{1,6}con)(?=\\s)`,
      'giu',
    ),
  },
  { strength: 'title', re: new RegExp(`${START}(?:sra?|srta|dra|doña|don)${END}\\.?`, 'giu') },
  // "mi esposo Luis", "la hija de Carmen Villalobos", "mi mamá, Rosa".
  {
    strength: 'weak',
    re: new RegExp(
      `${START}(?:(?:mi|mis|su|sus|la|el|tu)\\s{1,6})?(?:${RELATION_ES})(?:\\s{1,6}de)?(?=[\\s,(:])`,
      'giu',
    ),
  },
  { strength: 'signOff', re: new RegExp(`${START}(?:gracias|saludos|atentamente|att|atte)\\s{0,3}[,:-]`, 'giu') },
];

// Spanish function words and the words people use about themselves after "soy": a name stops at
// them. Words that are also names ("Le", "Del", "Don", "Al", "Les", "Ella", "Lo", "Su", "Tu", "Ni")
// are left out, so an English or Asian name after an English cue is not cut short.
export const SPANISH_STOP_WORDS = (
  'y e o u de la las el los un una unos unas que qué se me mi mis sus nos ' +
  'no si sí es son era fue está esta estoy estaba están soy eres somos ser estar tengo tiene ' +
  'con para por pero porque como cuando donde ya muy más mas también tambien aquí aqui ahí ahora hoy mañana ayer ' +
  'usted ustedes yo él ellos este esto ese esa eso estos esas hola buenas buenos gracias ' +
  'señor señora señorita paciente doctor doctora enfermera ' +
  'diabética diabético pobre nueva nuevo mamá mama papá papa madre padre hija hijo esposa esposo ' +
  'latina latino hispana hispano mexicana mexicano cubana cubano puertorriqueña puertorriqueño ' +
  'casada casado soltera soltero viuda viudo jubilada jubilado alérgica alérgico embarazada ' +
  'cansada cansado triste preocupada preocupado nerviosa nervioso enferma enfermo'
).split(' ');
