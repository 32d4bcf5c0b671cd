import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPipeline, pipelineStatus } from '../pipeline/repro';
import type { CommandRunner } from './types';
import { remoteOptions } from './pull';
import { writeResult } from '../util/console-logger';

export const statusCommand: CommandRunner = {
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
