/**
 * Scheduled functions (`config.schedule`, a five-field cron expression in UTC) run on their
 * schedule, invoked as Netlify invokes them: a POST whose JSON body carries `next_run`, with the
 * `x-nf-event: schedule` header. A run that is still going when the next is due is not started
 * twice (croner's `protect`). https://docs.netlify.com/build/functions/scheduled-functions/
 */
import { Cron } from 'croner';
import type { LoadedFunction } from './functions.ts';

export interface Schedules {
  /** When each scheduled function runs next. */
  next(): { name: string; schedule: string; next: Date | null }[];
  /** Runs one scheduled function now (what the schedule does at its time). */
  run(name: string): Promise<void>;
  stop(): void;
}

export function startSchedules(functions: readonly LoadedFunction[], origin: string, log: (m: string) => void = (m) => console.error(m)): Schedules {
  const scheduled = functions.filter((fn) => typeof fn.config.schedule === 'string');
  const run = async (fn: LoadedFunction, job?: Cron) => {
    const next = job?.nextRun()?.toISOString() ?? null;
    const request = new Request(`${origin}/.netlify/functions/${fn.name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nf-event': 'schedule', 'user-agent': 'Netlify Clockwork' },
      body: JSON.stringify({ next_run: next }),
    });
    try {
      await fn.handler(request, {
        params: {},
        ip: '',
        geo: {},
        requestId: crypto.randomUUID(),
        url: new URL(request.url),
        site: {},
        deploy: { context: 'production', published: true },
        server: {},
        waitUntil: () => undefined,
        json: (b) => Response.json(b),
        log: console.log,
      });
    } catch (error) {
      log(`[runtime] scheduled function ${fn.name} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  };
  const jobs = scheduled.map((fn) => {
    const job: Cron = new Cron(fn.config.schedule!, { timezone: 'UTC', protect: true, name: fn.name }, () => run(fn, job));
    return { fn, job };
  });
  return {
    next: () => jobs.map(({ fn, job }) => ({ name: fn.name, schedule: fn.config.schedule!, next: job.nextRun() })),
    run: async (name) => {
      const found = jobs.find((j) => j.fn.name === name);
      if (!found) throw new Error(`no scheduled function named ${name}`);
      await run(found.fn, found.job);
    },
    stop: () => {
      for (const { job } of jobs) job.stop();
    },
  };
}
