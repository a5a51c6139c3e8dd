// Every 15 minutes: deliver the join applications queued while GitHub was failing.
import type { Config } from '@netlify/functions';
import { wireJoinFunction } from '../../src/runtime/netlify-join.ts';
import { SCHEDULED_BUDGET_MS } from '../../src/join/wire.ts';

const join = wireJoinFunction(import.meta.url);

export default async () => {
  if (!join.drain) return; // not configured: wireJoin has logged what is missing
  const report = await join.drain(SCHEDULED_BUDGET_MS);
  console.log(`[join] scheduled delivery: ${report.delivered.length} opened, ${report.queued.length} still queued, ${report.skipped.length} skipped`);
};

// https://docs.netlify.com/build/functions/scheduled-functions/ (30 s limit; UTC cron)
export const config: Config = { schedule: '*/15 * * * *' };
