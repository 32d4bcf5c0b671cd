import type { GitHubContext, GitHubPublishConfig } from '../../config/types';
import type { TimeLimit } from '../../util/deadline';
import type { Logger } from '../../util/log';
import { publishAll } from '../runner';
import { stripMarkers } from './body';
import { PROJECT_FILE } from '../../gate/config';
import { CheckRunTarget, stripEmoji, truncate, type Annotation, type CheckRunOptions, type GateOutcome } from './checks';
import { commentMarker } from './comments';
import { CommentTarget } from './publisher';

/** Where a run that stopped before its report still speaks: the pull request's sticky comment, and the gate's check. */
export interface StoppedRun {
  github: GitHubContext;
  publish: GitHubPublishConfig;
  /** The gate's check name, when the run was to gate; null: no check run, as a run without rules makes none. */
  checkName: string | null;
  /** The head's .mlreport.yml from the checkout's root, which an error naming a line of it is annotated on; null: none. */
  projectFile?: string | null;
}

/** Check run titles longer than this are cut (the title shows on one line of the checks list). */
const TITLE_LIMIT = 255;

/**
 * Says on the pull request that the run stopped on `error` (an input, a rule or .mlreport.yml that does not parse)
 * and reached no verdict: people read the comment, not the log, and an earlier push's "✅ gate passed" must not stand
 * as this head's verdict; the gate's check run fails, so a required check cannot stay green. Best effort: the step has
 * failed already, so what cannot be posted (a fork's read-only token) is a warning.
 */
export async function publishStopped(stop: StoppedRun, error: string, log: Logger, limit?: TimeLimit): Promise<void> {
  if (!stop.github.token) return;
  const clientOptions = limit ? { limit } : {};
  const comment = new StoppedCommentPublisher(stop.github, stop.publish, log, { baseDir: '', clientOptions });
  const check = stop.checkName
    ? new StoppedCheckPublisher({ github: stop.github, checkName: stop.checkName, clientOptions }, log, stop.projectFile ?? null)
    : null;
  await publishAll(error, [{ target: comment, policy: 'never-fails' }, check && { target: check, policy: 'never-fails' }], log);
}

/** The headline of a stopped run, in the comment and (without its emoji) as the check run's title. */
const HEADLINE = '❌ no verdict: the run stopped on an error';

/**
 * The comment, the check run's summary or the job summary for a stopped run: what stopped it, in a block quoted as it
 * was said. Pure.
 */
export function stoppedText(error: string, headSha: string, runUrl: string | null): string {
  // Well inside a comment's and a check summary's 65,536 characters.
  const text = truncate(stripMarkers(error), 60_000, '…');
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  // A fence longer than any run of backticks in the text, so the text cannot close it.
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const log = runUrl ? `[the run's log](${runUrl})` : "the run's log";
  return [
    `## ${HEADLINE}`,
    '',
    `The run for ${headSha.slice(0, 7)} stopped before it compared any values, so this commit has no gate verdict and no report; a report posted here for an earlier commit no longer applies.`,
    '',
    `${fence}text`,
    text,
    fence,
    '',
    `${atBase(text) ? BASE_ADVICE : 'Fix what the error names and push again'}; ${log} has the same error.`,
  ].join('\n');
}

/**
 * The base's .mlreport.yml gates a pull request (rulesAtBase): an error in it is fixed on the base branch, and a push
 * to the pull request, which may well have fixed it already, cannot fix it.
 */
const BASE_ADVICE =
  "The error is in the base branch's rules, which gate this pull request, so a push here cannot fix it: fix it on the base branch (until then, the `thresholds` input gates in its place)";

/** Whether an error names the base revision's .mlreport.yml (`.mlreport.yml at the base revision (main, 7f2183f) line 1: …`). */
function atBase(error: string): boolean {
  const first = error.split('\n', 1)[0]!;
  return new RegExp(`^(?:[^\\s]*/)?${PROJECT_FILE.replace(/\./g, '\\.')} at the base revision \\(`).test(first);
}

/** The sticky comment, replaced by the stopped run's error. */
class StoppedCommentPublisher extends CommentTarget<string> {
  protected readonly foldedNote = '';
  protected images(): string[] {
    return [];
  }
  protected body(error: string, _hosted: ReadonlyMap<string, string>, _reason: string | null, runUrl: string | null, headSha: string) {
    return { body: `${commentMarker(this.cfg.reportId)}\n${stoppedText(error, headSha, runUrl)}`, folded: false };
  }
  protected override howToPublish(): string {
    return 'The error is in this log only.';
  }
  protected override whereInstead(): string {
    return 'The error is in this log only.';
  }
}

/** The gate's check run, failed: a gate that could not run is no pass. */
class StoppedCheckPublisher extends CheckRunTarget<string> {
  constructor(
    options: CheckRunOptions,
    log: Logger,
    private readonly projectFile: string | null,
  ) {
    super(options, log);
  }

  protected outcome(error: string): Promise<Omit<GateOutcome, 'headSha'>> {
    const headSha = this.options.github.headSha ?? this.options.github.sha;
    const first = error.split('\n', 1)[0]!;
    return Promise.resolve({
      failed: true,
      title: truncate(`${stripEmoji(HEADLINE)}: ${first}`, TITLE_LIMIT, '…'),
      summary: stoppedText(error, headSha, this.runUrl()),
      annotations: projectFileAnnotation(error, this.projectFile),
    });
  }
}

/**
 * An error in the head's .mlreport.yml names its line first (`.mlreport.yml line 3: unknown key…`, `.mlreport.yml
 * line 4, column 9: …`), as errors about a file do: annotated there, on the pull request's diff. The base's file
 * (`.mlreport.yml at main line 3`) is not the head's, and a rule from an input has no file: neither is annotated. Pure.
 */
function projectFileAnnotation(error: string, projectFile: string | null): Annotation[] {
  const named = `${PROJECT_FILE} line `;
  const line = error.startsWith(named) ? /^\d+/.exec(error.slice(named.length))?.[0] : undefined;
  if (!projectFile || projectFile.startsWith('../') || line === undefined) return [];
  const n = Number(line);
  const message = truncate(stripMarkers(error), ANNOTATION_MESSAGE_LIMIT, '…');
  return [{ path: projectFile, start_line: n, end_line: n, annotation_level: 'failure', title: stripEmoji(HEADLINE), message }];
}

/** Checks API: an annotation's message is at most 64 KB. */
const ANNOTATION_MESSAGE_LIMIT = 60_000;
