import type { Running } from '../../src/boot.js';
import { surveyToken, type SurveyRequestOptions } from './survey.js';

/**
 * A survey request with its email sent (or in `status`), as the sender leaves them: the request, and the message of
 * the same step and contact. The message borrows the deal's first step, as the sender's own rows point at theirs.
 */
export async function sentSurvey(server: Running, o: SurveyRequestOptions & { status?: string }): Promise<{ token: string; id: string }> {
  const token = await surveyToken(server, o);
  const [request] = await server.db.query<{ id: string; effect_key: string; contact_id: string }>(
    'SELECT id::text AS id, effect_key, contact_id FROM feedback_requests ORDER BY id DESC LIMIT 1',
  );
  await server.db.query(
    `INSERT INTO email_messages (step_id, effect_key, deal_id, contact_id, template, locale, status, message_id, file_name, marker, created_at)
     VALUES ((SELECT min(id) FROM steps), $1, $2, $3, 'kickoff-survey', $4, $5, $6, $6, $6, $7)`,
    [request!.effect_key, o.dealId, request!.contact_id, o.locale ?? 'en', o.status ?? 'sent', `<survey-${request!.id}@test>`, o.now],
  );
  return { token, id: request!.id };
}
