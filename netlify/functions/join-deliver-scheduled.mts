// Every 15 minutes: deliver the join applications queued while GitHub was failing, then ask
// GitHub what editors did with a bounded number of opened ones (declined ones free their names).
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';
import { SCHEDULED_BUDGET_MS } from '../../src/join/wire.ts';

const join = wireJoinFunction(import.meta.url);

export default async () => {
  if (!join.scheduled) return; // not configured: wireJoin has logged what is missing
  const report = await join.scheduled(SCHEDULED_BUDGET_MS);
  console.log(
    `[join] scheduled delivery: ${report.delivered.length} opened, ${report.queued.length} still queued, ${report.skipped.length} skipped, ${report.refreshed} review states read`,
  );
};

// https://docs.netlify.com/build/functions/scheduled-functions/ (30 s limit; UTC cron)
export const config: Config = { schedule: '*/15 * * * *' };
