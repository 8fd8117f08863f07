// Hold reasons arrive as "<code>: <detail>"; reviewers read a plain sentence first, the raw reason after.
const REASONS = {
  crisis: {
    title: 'Crisis language',
    plain:
      'The subject may be at risk of harming themselves or others. A person must respond; no programme message may.',
    todo: "Read their words below and follow your programme's crisis procedure now: reach the person (or an emergency contact) directly. Only the approved 988 crisis resource can be sent from here; approving anything else blocks it.",
    safety: true,
  },
  safety_escalation: {
    title: 'Crisis language',
    plain:
      'The subject may be at risk of harming themselves or others. A person must respond; no programme message may.',
    safety: true,
  },
  safety_engine_error: {
    title: 'Safety triage failed',
    plain:
      "The safety check could not read the subject's words, so they may hide a crisis or an adverse event. Read them yourself before anything is sent.",
    todo: 'Read their words below as the safety check would have: a crisis means your crisis procedure now; an adverse event, complaint or medical question goes to the safety team. Only the 988 crisis resource can be sent from here.',
    safety: true,
  },
  adverse_event: {
    title: 'Possible adverse event',
    plain: 'The subject described something medical that happened while on the product. It may need reporting.',
    todo: 'A safety case was opened for the safety team, due within 24 hours. Read their words below; approve the message only if it is still right to send after what they told us, otherwise reject it.',
    safety: true,
  },
  product_complaint: {
    title: 'Product complaint',
    plain: 'The subject described a problem with the product itself (device, packaging, quality).',
    todo: 'A product complaint case was opened for the safety team, due within 24 hours. Read their words below; approve the message only if it is still right to send, otherwise reject it.',
    safety: true,
  },
  medical_information: {
    title: 'Medical question',
    plain: 'The subject asked a clinical question that approved content does not answer.',
    todo: 'A medical-information case was opened, due within 72 hours: medical information answers the question, not this message. Approve only if the message does not pretend to answer it.',
    safety: true,
  },
  low_confidence: {
    title: 'Low confidence',
    plain: 'The diagnosis was too uncertain to send without a person checking it.',
  },
  content_gap: {
    title: 'Content gap',
    plain:
      "No approved content block in the subject's language addresses this barrier for this programme, audience and channel.",
  },
  review: {
    title: 'Review requested',
    plain: 'This programme asks for a person to review the message before it is sent.',
  },
};

/** "signals [0], [2]" → the 0-based signal indexes a reason points at. */
export function signalIndexes(detail) {
  return [...String(detail ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** Reads a reason's detail as words: signal indexes become "the subject's message 1 and 3". */
function plainDetail(code, detail) {
  const signals = signalIndexes(detail);
  if (signals.length) {
    const which = signals.map((i) => i + 1).join(' and ');
    return `Found in what the subject wrote (signal ${which}).`;
  }
  const low = /^(\w+) at ([\d.]+) \(below ([\d.]+)\)$/.exec(detail);
  if (code === 'low_confidence' && low) {
    const [, barrier, at, below] = low;
    return `Best guess: ${barrier.replace('_', ' ')}, at ${Math.round(Number(at) * 100)}% confidence (a person decides below ${Math.round(Number(below) * 100)}%).`;
  }
  return detail;
}

/** { code, title, plain, detail, safety, todo } for a reason string such as "low_confidence: cost at 0.31 (below 0.5)". */
export function describeReason(reason) {
  const text = String(reason ?? '');
  const at = text.indexOf(':');
  const code = (at < 0 ? text : text.slice(0, at)).trim();
  const known = REASONS[code];
  const detail = at < 0 ? '' : text.slice(at + 1).trim();
  return {
    code,
    title: known?.title ?? (code || 'Held'),
    plain: known?.plain ?? 'Held for review.',
    detail: detail ? plainDetail(code, detail) : '',
    raw: text,
    safety: Boolean(known?.safety),
    todo: known?.todo ?? '',
  };
}
