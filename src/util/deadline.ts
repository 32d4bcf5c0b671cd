import { performance } from 'node:perf_hooks';
import { parseDecimal } from './decimal';

/**
 * 330 minutes: GitHub ends a job after 360 by default, and a job ended by the runner posts nothing. Stopping the
 * work half an hour before leaves the comment, summary and artifact time to go out.
 */
export const DEFAULT_DEADLINE_MINUTES = 330;
/** The longest deadline a timer can hold (2³¹ − 1 ms is about 24.8 days). */
const MAX_DEADLINE_MINUTES = 35_000;
/**
 * Publishing that starts when the budget is (nearly) spent still gets this long, one request's timeout: a run the
 * deadline cut still posts the report that says so, and an API that does not answer holds the step about this
 * long past the budget at most.
 */
export const PUBLISH_GRACE_MS = 30_000;
/**
 * The end of publishing's limit kept for the report's fallback, the workflow artifact, which goes up after the
 * comment when the comment was not posted: an API that hangs for the comment would otherwise hold it to the limit,
 * and the artifact, often the only place such a report lands, would not be sent. Its three requests carry a few MB.
 */
export const FALLBACK_SHARE_MS = 10_000;

/** When requests must have ended, and how a message names that moment. */
export interface TimeLimit {
  /** `performance.now()` at which it passes. */
  readonly endsAt: number;
  describe(): string;
}

/** Publishing's two limits (Deadline.publishing()). */
export interface PublishingLimits {
  /** For the targets before the report's fallback: the comment and its images, the check run, the hub, MLflow. */
  first: TimeLimit;
  /** For the fallback (the workflow artifact) and what goes after it. */
  last: TimeLimit;
}

/**
 * The run's overall time budget. Work that gathers the report (stages, `run` commands, `dvc push`, plots) stops
 * once it is spent: a running stage's process group is ended, what had not started is skipped, and each cut is
 * a note in the report. Values files are still read (their reads are bounded by size), and publishing goes on
 * (`publishing()`): a report about a cut run is still a report.
 */
export class Deadline {
  private readonly end: number;
  private readonly controller = new AbortController();
  private readonly cuts: string[] = [];

  constructor(
    readonly minutes: number,
    /** How the interface in use sets it, as messages name it: the action's input by default, `--deadline-minutes` on the CLI. */
    private readonly setting = 'deadline-minutes',
  ) {
    this.end = performance.now() + minutes * 60_000;
    // unref: a deadline never keeps a finished run alive.
    setTimeout(() => this.controller.abort(), minutes * 60_000).unref();
  }

  /** Aborts when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  passed(): boolean {
    return this.controller.signal.aborted || performance.now() >= this.end;
  }

  /** Records a stage the deadline ended; returns the stage's error. */
  stopped(name: string): string {
    this.cuts.push(`${name} stopped while running`);
    return `stopped: ${this.describe()} was spent`;
  }

  /** Records work the deadline left undone (a stage, a plot, a values file); returns the reason to show with it. */
  skipped(what: string): string {
    this.cuts.push(`${what} skipped`);
    return `not done: ${this.describe()} was spent`;
  }

  /** The report's note: what was cut; none when nothing was. */
  notes(): string[] {
    if (!this.cuts.length) return [];
    const shown = this.cuts.slice(0, 20);
    const more = this.cuts.length > shown.length ? `; and ${this.cuts.length - shown.length} more` : '';
    return [`${capitalize(this.describe())} was spent, so the report is incomplete: ${shown.join('; ')}${more}.`];
  }

  describe(more = ''): string {
    return `the run's time budget (${formatMinutes(this.minutes)}, \`${this.setting}\`${more})`;
  }

  /**
   * Publishing's limits, taken when publishing starts. `last` is the budget's end, or PUBLISH_GRACE_MS from now
   * when that is later: no request of publishing starts or waits past it. With a `fallback` (what the report falls
   * back to, as a message names it), `first`, for the targets that go before it, ends FALLBACK_SHARE_MS earlier, so
   * a hung API cannot spend the fallback's share; without one, `first` is `last`.
   */
  publishing(fallback?: string): PublishingLimits {
    const endsAt = Math.max(this.end, performance.now() + PUBLISH_GRACE_MS);
    const grace = endsAt > this.end ? `, with at least ${PUBLISH_GRACE_MS / 1000} s to publish` : '';
    const last = { endsAt, describe: () => this.describe(grace) };
    if (!fallback) return { first: last, last };
    const share = `${FALLBACK_SHARE_MS / 1000} s`;
    const kept = grace ? `${grace}, the last ${share} of them kept for ${fallback}` : `, less its last ${share}, kept for ${fallback}`;
    return { first: { endsAt: endsAt - FALLBACK_SHARE_MS, describe: () => this.describe(kept) }, last };
  }
}

/**
 * Publishing's limit for a run that stopped on an error before it had a time budget (a bad input, a rule that does not
 * parse): PUBLISH_GRACE_MS from now, named as what it is, not as a `deadline-minutes` the user never set.
 */
export function stoppedRunLimit(): TimeLimit {
  return { endsAt: performance.now() + PUBLISH_GRACE_MS, describe: () => `the ${PUBLISH_GRACE_MS / 1000} s a run stopped by an error has to say so` };
}

/** A `deadline-minutes` value (input or `--deadline-minutes`): minutes, fractions allowed, greater than 0. */
export function parseDeadlineMinutes(text: string, origin: string): number {
  if (text.trim() === '') return DEFAULT_DEADLINE_MINUTES;
  return parseDecimal(text, origin, `a number of minutes in decimal (such as 30 or 7.5), greater than 0 and at most ${MAX_DEADLINE_MINUTES}`, {
    fractions: true,
    accepts: (minutes) => minutes > 0 && minutes <= MAX_DEADLINE_MINUTES,
  });
}

function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${+(minutes * 60).toFixed(1)} s`;
  return `${+minutes.toFixed(2)} min`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
