import type { Migration } from '../migrations.js';

export const migration019: Migration = {
  id: 19,
  name: "the team's own rating of a surveyed touchpoint, beside the client's answers",
  sql: `
      CREATE TABLE team_ratings (
        deal_id text NOT NULL,
        survey text NOT NULL,
        touchpoint text NOT NULL,
        rater_user_id text NOT NULL,
        rater_label text NOT NULL,
        score int NOT NULL,
        rated_at bigint NOT NULL,
        PRIMARY KEY (deal_id, survey, touchpoint, rater_user_id)
      );
    `,
};
