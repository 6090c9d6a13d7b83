import type { Migration } from '../migrations.js';

/**
 * HubSpot names a task by its own id when it says the task was completed (a webhook event): first100 finds which of
 * its tasks that is, and whose deal, without reading every step.
 */
export const migration026: Migration = {
  id: 26,
  name: 'first100 tasks by HubSpot id',
  sql: `
      CREATE INDEX steps_task_by_hubspot_id ON steps (hubspot_id) WHERE kind = 'task' AND hubspot_id IS NOT NULL;
    `,
};
