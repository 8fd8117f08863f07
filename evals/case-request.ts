type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `over` merged onto `under`: objects key by key, anything else (arrays included) replaced whole, so a
 * case that lists signals states all of them rather than appending to a fixture's.
 */
export function deepMerge(under: unknown, over: unknown): unknown {
  if (over === undefined) return under;
  if (!isRecord(under) || !isRecord(over)) return over;
  const out: Json = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(under[k], v);
  return out;
}

type Vars = Record<string, string | number | boolean>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}$/;

export class UnknownVar extends Error {
  constructor(readonly varName: string) {
    super(`unknown variable {{${varName}}}`);
  }
}

/**
 * `{{name}}` replaced in every string of `value`. A string that is only a placeholder takes the
 * variable's own type, so `daysLate: "{{days}}"` stays a number. Unknown names throw UnknownVar.
 */
export function substituteVars(value: unknown, vars: Vars): unknown {
  const lookup = (name: string) => {
    if (!Object.hasOwn(vars, name)) throw new UnknownVar(name);
    return vars[name]!;
  };
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(whole[1]!);
    return value.replace(PLACEHOLDER, (_, name: string) => String(lookup(name)));
  }
  if (Array.isArray(value)) return value.map((v) => substituteVars(v, vars));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteVars(v, vars)]));
  return value;
}
