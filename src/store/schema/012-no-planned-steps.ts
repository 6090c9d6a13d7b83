import type { Migration } from '../migrations.js';

export const migration012: Migration = {
  id: 12,
  name: 'steps are pending until they run: the old planned status goes',
  // Email steps written before emails were sent carried 'planned'; the sender now takes 'pending' ones.
  sql: `UPDATE steps SET status = 'pending' WHERE status = 'planned';`,
};
