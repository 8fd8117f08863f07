// Hold reasons arrive as "<code>: <detail>"; reviewers get a plain sentence first, the raw reason after.
const PLAIN = {
  low_confidence: 'The diagnosis was too uncertain to send without a person checking it.',
  safety_escalation: 'The signals may contain crisis language: a person must look before anything is sent.',
  content_gap:
    "No approved content block in the subject's language addresses this barrier for this programme, audience and channel.",
  review: 'This programme asks for a person to review the message before it is sent.',
};

const TITLE = {
  low_confidence: 'Low confidence',
  safety_escalation: 'Safety escalation',
  content_gap: 'Content gap',
  review: 'Review requested',
};

/** { code, title, plain, detail } for a reason string such as "low_confidence: cost at 0.31 (below 0.5)". */
export function describeReason(reason) {
  const text = String(reason ?? '');
  const at = text.indexOf(':');
  const code = (at < 0 ? text : text.slice(0, at)).trim();
  return {
    code,
    title: TITLE[code] ?? (code || 'Held'),
    plain: PLAIN[code] ?? 'Held for review.',
    detail: at < 0 ? '' : text.slice(at + 1).trim(),
  };
}
