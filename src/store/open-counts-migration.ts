/**
 * Opens counted beside outcomes: outcome_counts gains `opened` (sent messages with a `message_opened`
 * event), kept by the same statement trigger, so the learner reads a programme's open rate per channel
 * from the counts it already reads. A subject's unlinking on erasure moves their opens out of the known
 * subjects' counts exactly as it moves their outcomes. Skip rows keep 0 (their trigger leaves the column).
 */
export const OPEN_COUNTS_MIGRATION = {
  name: 'outcome_counts counts opened messages too (opened_at set), kept by its trigger, for the learner’s channel choice',
  sql: `
    ALTER TABLE outcome_counts ADD COLUMN opened bigint NOT NULL DEFAULT 0;
    CREATE OR REPLACE FUNCTION outcome_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending, opened)
        SELECT program, barrier, coalesce(techniques[1], ''), channel, block_ids, subject_id IS NOT NULL,
          -count(*), -count(*) FILTER (WHERE outcome = 'achieved'),
          -count(*) FILTER (WHERE outcome = 'not_achieved'), -count(*) FILTER (WHERE outcome = 'pending'), -count(opened_at)
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
          achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
          pending = c.pending + EXCLUDED.pending, opened = c.opened + EXCLUDED.opened;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO outcome_counts AS c (program, barrier, technique, channel, block_ids, known, sent, achieved, not_achieved, pending, opened)
        SELECT program, barrier, coalesce(techniques[1], ''), channel, block_ids, subject_id IS NOT NULL,
          count(*), count(*) FILTER (WHERE outcome = 'achieved'),
          count(*) FILTER (WHERE outcome = 'not_achieved'), count(*) FILTER (WHERE outcome = 'pending'), count(opened_at)
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (program, barrier, technique, channel, block_ids, known) DO UPDATE SET sent = c.sent + EXCLUDED.sent,
          achieved = c.achieved + EXCLUDED.achieved, not_achieved = c.not_achieved + EXCLUDED.not_achieved,
          pending = c.pending + EXCLUDED.pending, opened = c.opened + EXCLUDED.opened;
      END IF;
      RETURN NULL;
    END $$;
    UPDATE outcome_counts c SET opened = o.opened
    FROM (SELECT program, barrier, coalesce(techniques[1], '') AS technique, channel, block_ids,
            subject_id IS NOT NULL AS known, count(opened_at) AS opened
          FROM message_outcomes GROUP BY 1, 2, 3, 4, 5, 6) o
    WHERE c.program = o.program AND c.barrier = o.barrier AND c.technique = o.technique AND c.channel = o.channel
      AND c.block_ids = o.block_ids AND c.known = o.known;
  `,
};
