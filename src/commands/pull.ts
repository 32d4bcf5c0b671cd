import { realpath } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parseDecimal } from '../util/decimal';
import { notPushedSummary, notPushedWarning, PartialPullError, pullTracked, pushTracked, type PullReport, type TrackedOptions } from '../dvc/data/index';
import { writeError } from '../util/console-logger';
import { parseCommandArgs } from './args';
import type { CommandRunner } from './types';
import { stageOutputs } from '../pipeline/restore';
import { findProjectRoot } from '../config/project-root';
import { cliRemoteInputs, type RemoteInputs } from '../dvc/data/remotes/open';

function options(args: string[], extra: { force?: boolean } = {}): { root: string; options: TrackedOptions } {
  const { values, positionals } = parseCommandArgs(args, {
    remote: { type: 'string', short: 'r' },
    jobs: { type: 'string', short: 'j' },
    cwd: { type: 'string', default: '.' },
    ...(extra.force !== undefined ? { force: { type: 'boolean', short: 'f', default: false } } : {}),
  });
  const jobs =
    values.jobs === undefined ? undefined : parseDecimal(values.jobs, '--jobs', 'a whole number of at least 1', { fractions: false, accepts: (n) => n >= 1 });
  return {
    root: resolve(values.cwd),
    options: {
      targets: positionals,
      jobs,
      force: values.force === true,
      ...remoteOptions(values.remote),
    },
  };
}

/** `-r` and the CLI's remote inputs (the basic-auth user and password from the environment, its hints), for the commands that take `-r`. */
function remoteOptions(remote: string | undefined): RemoteInputs & { remote?: string } {
  return { remote, ...cliRemoteInputs(), pickRemote: 'pass -r <name>' };
}

export const pullCommand: CommandRunner = {
  async run(args) {
    const { root: cwd, options: o } = options(args, { force: false });
    const root = await findProjectRoot(cwd, '--cwd'); // from a subfolder too, as DVC finds its project
    const from = await folderIn(root, cwd);
    const checkedOut = (report: PullReport): void => {
      for (const out of report.outputs) if (out.outcome !== 'unchanged') process.stdout.write(`${out.outcome === 'created' ? 'A' : 'M'}\t${out.path}\n`);
    };
    let report: PullReport;
    try {
      report = await pullTracked(root, { ...o, from, stageOutputs: await stageOutputs(root) });
    } catch (error) {
      // What did arrive is checked out: the log says so before the error, as dvc pull's does.
      if (error instanceof PartialPullError) checkedOut(error.report);
      throw error;
    }
    checkedOut(report);
    process.stdout.write(`${report.downloaded} object(s) downloaded (${mib(report.bytes)}), ${report.cached} already in the cache\n`);
    return 0;
  },
};

export const pushCommand: CommandRunner = {
  async run(args) {
    const { root: cwd, options: o } = options(args);
    const root = await findProjectRoot(cwd, '--cwd');
    // The stage outputs dvc.lock records go too, so the next `repro` restores them.
    const report = await pushTracked(root, { ...o, from: await folderIn(root, cwd), stageOutputs: await stageOutputs(root) });
    // As `dvc push`: outputs in neither the cache nor the remote are warned of by name, and the push does not fail.
    for (const missing of report.notPushed) writeError(`warning: ${notPushedWarning(missing)}\n`);
    process.stdout.write(
      `${report.uploaded} object(s) uploaded (${mib(report.bytes)}), ${report.present} already on the remote${notPushedSummary(report.notPushed)}\n`,
    );
    return 0;
  },
};

/** The folder targets are relative to, from the project root: the current one (or `--cwd`), as DVC takes them. */
async function folderIn(root: string, cwd: string): Promise<string> {
  return relative(root, await realpath(cwd))
    .split(sep)
    .join('/');
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The options of the commands that pull what their stages need first, as `dvc repro --pull` does (`repro`, `status`). */
export const PULL_FIRST_OPTIONS = {
  'no-pull': { type: 'boolean', default: false },
  remote: { type: 'string', short: 'r' },
  cwd: { type: 'string', default: '.' },
} as const;

/** What those options say: whether to pull first, and from which remote with which inputs. */
export function pullFirst(values: { 'no-pull': boolean; remote?: string }): { pull: boolean; data: ReturnType<typeof remoteOptions> } {
  return { pull: !values['no-pull'], data: remoteOptions(values.remote) };
}
