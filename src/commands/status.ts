import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPipeline, pipelineStatus } from '../pipeline/repro';
import type { Command } from './types';
import { remoteOptions } from './pull';
import { writeResult } from '../util/console-logger';

export const statusCommand: Command = {
  path: ['status'],
  summary: 'show which dvc.yaml stages changed since dvc.lock and why (like dvc status)',
  usage: `mlreport status [STAGE...] [--json] [--no-pull] [-r REMOTE] [--cwd DIR]

  STAGE      only these stages and what they depend on
  --json     print {stage: [reasons]} for changed stages
  --no-pull  do not check the DVC cache/remote for what repro would restore instead of running
  -r, --remote NAME  the DVC remote for outputs that name none (default: core.remote)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-pull': { type: 'boolean', default: false },
        remote: { type: 'string', short: 'r' },
        cwd: { type: 'string', default: '.' },
      },
    });
    const pipeline = await loadPipeline(resolve(values.cwd));
    const stages = (await pipelineStatus(pipeline, positionals, { pull: !values['no-pull'], data: remoteOptions(values.remote) })).filter((s) => s.changed);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(Object.fromEntries(stages.map((s) => [s.name, s.reasons])), null, 2)}\n`);
    } else if (!stages.length) {
      process.stdout.write('Data and pipelines are up to date.\n');
    } else {
      for (const s of stages) writeResult(`${s.name}:${s.action ? ` ${s.action}` : ''}\n${s.reasons.map((r) => `\t${r}\n`).join('')}`);
    }
    return 0;
  },
};
