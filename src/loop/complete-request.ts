import type { ComposeRequest, ComposeRequestBody } from '../domain/compose.js';
import { Invalid } from '../domain/errors.js';
import { effectiveConsents, type StoredSubject } from '../domain/subject.js';

/**
 * The compose request with the stored subject merged under it: the request's own fields win, except that
 * a channel withdrawn by an unsubscribe or STOP reply stays off whatever the request says.
 */
export function completeRequest(body: ComposeRequestBody, stored: StoredSubject | undefined): ComposeRequest {
  const s = body.subject;
  const audience = s.audience ?? stored?.audience ?? undefined;
  if (!audience) {
    throw new Invalid('the subject is incomplete', [
      {
        path: 'subject.audience',
        message: stored
          ? 'required: the stored subject has no audience; send it, or store it with PUT /v1/subjects/{id}'
          : 'required: send it, or store the subject first with PUT /v1/subjects/{id}',
      },
    ]);
  }
  const consents = effectiveConsents(s.consents ?? stored?.consents ?? {}, stored?.withdrawn ?? {});
  const timezone = s.timezone ?? stored?.timezone;
  const preferences = s.preferences ?? stored?.preferences;
  // The request's locale (subject.locale, or the older top-level alias) wins over the stored one.
  const locale = s.locale ?? body.locale ?? stored?.locale;
  return {
    ...body,
    subject: {
      ...s,
      audience,
      consents,
      ...(timezone ? { timezone } : {}),
      ...(preferences ? { preferences } : {}),
      ...(locale ? { locale } : {}),
    },
  };
}
