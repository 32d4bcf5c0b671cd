import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pullTracked, pushTracked, type TrackedOptions } from '../dvc/data/index';
import { UserError } from '../util/errors';
import type { Command } from './types';
import { pushStageOutputs } from '../pipeline/restore';
import { findProjectRoot } from '../config/project-root';

const COMMON_USAGE = `  TARGET       .dvc files or the paths they track (default: every .dvc file)
  -r, --remote NAME  the remote for outputs that name none (default: core.remote)
  -j, --jobs N       transfers at once (default: the remote's jobs, else 4 × CPUs)
  --cwd DIR          the project root (default: the current directory)

Credentials come from .dvc/config.local and each cloud's own variables (AWS_*, AZURE_STORAGE_*); for an
HTTP or DagsHub remote, MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD give the basic-auth user and
password (or token).`;

function options(args: string[], extra: { force?: boolean } = {}): { root: string; options: TrackedOptions } {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      remote: { type: 'string', short: 'r' },
      jobs: { type: 'string', short: 'j' },
      cwd: { type: 'string', default: '.' },
      ...(extra.force !== undefined ? { force: { type: 'boolean', short: 'f', default: false } } : {}),
    },
  });
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UserError(`--jobs must be a whole number ≥ 1, found '${values.jobs}'`);
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

/** `-r` and the HTTP/DagsHub basic-auth user and password from the environment, for every command that pulls. */
export function remoteOptions(remote: string | undefined): { remote?: string; user?: string; password?: string } {
  return { remote, user: process.env.MLREPORT_REMOTE_USER || undefined, password: process.env.MLREPORT_REMOTE_PASSWORD || undefined };
}

export const pullCommand: Command = {
  path: ['pull'],
  summary: 'download .dvc-tracked data from its DVC remote into the cache and the workspace (like dvc pull)',
  usage: `mlreport pull [TARGET...] [-r REMOTE] [-j N] [--force] [--cwd DIR]

${COMMON_USAGE}
  -f, --force        replace workspace files that differ even when their content is not in the cache`,
  async run(args) {
    const { root: cwd, options: o } = options(args, { force: false });
    const root = await findProjectRoot(cwd, '--cwd'); // from a subfolder too, as DVC finds its project
    const report = await pullTracked(root, o);
    for (const out of report.outputs) if (out.outcome !== 'unchanged') process.stdout.write(`${out.outcome === 'created' ? 'A' : 'M'}\t${out.path}\n`);
    process.stdout.write(`${report.downloaded} object(s) downloaded (${mib(report.bytes)}), ${report.cached} already in the cache\n`);
    return 0;
  },
};

export const pushCommand: Command = {
  path: ['push'],
  summary: 'upload the cached objects of .dvc-tracked data and of the stage outputs in dvc.lock to the DVC remote (like dvc push)',
  usage: `mlreport push [TARGET...] [-r REMOTE] [-j N] [--cwd DIR]

${COMMON_USAGE}`,
  async run(args) {
    const { root: cwd, options: o } = options(args);
    const root = await findProjectRoot(cwd, '--cwd');
    const report = await pushTracked(root, o);
    // Without targets, the stage outputs dvc.lock records go too, so the next `repro` restores them.
    const stages = o.targets?.length ? null : await pushStageOutputs(root, o);
    if (stages) {
      report.uploaded += stages.uploaded;
      report.present += stages.present;
      report.bytes += stages.bytes;
    }
    process.stdout.write(`${report.uploaded} object(s) uploaded (${mib(report.bytes)}), ${report.present} already on the remote\n`);
    return 0;
  },
};

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
