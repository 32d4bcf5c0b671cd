import { resolve } from 'node:path';
import { loadProject, refuseBrokenDvcFiles } from '../dvc/project';
import { loadPipeline, reproduce } from '../pipeline/repro';
import { workspaceTree } from '../workspace/tree';
import { consoleLogger, writeResult } from '../util/console-logger';
import type { CommandRunner } from './types';
import { parseCommandArgs } from './args';
import { PULL_FIRST_OPTIONS, pullFirst } from './pull';
import { pipelineTargets } from './pipeline-targets';

export const reproCommand: CommandRunner = {
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      dry: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      ...PULL_FIRST_OPTIONS,
    });
    const log = consoleLogger();
    const { dir, targets } = pipelineTargets(resolve(values.cwd), positionals);
    // DVC refuses a project whose `.dvc` files do not load or overlap other outputs before it runs anything.
    const project = await loadProject(workspaceTree(dir));
    refuseBrokenDvcFiles(project);
    const pipeline = { ...(await loadPipeline(dir)), project };
    // One line per stage, as soon as its outcome is known (a stage that runs shows its output above its line).
    const result = await reproduce(pipeline, log, {
      targets,
      dry: values.dry,
      force: values.force,
      ...pullFirst(values),
      onStage: (s) => {
        const restoring = s.status === 'skipped' && /^restored? from /.test(s.reasons[0] ?? '');
        const reasons = restoring ? s.reasons.slice(1) : s.reasons;
        const what = restoring ? s.reasons[0]! : values.dry && s.status === 'not-run' ? 'would run' : s.status;
        const detail = s.error ?? reasons.join('; ');
        const time = s.status === 'ran' || s.status === 'failed' ? ` ${s.seconds.toFixed(1)}s` : '';
        writeResult(`${s.name}: ${what}${time}${detail ? ` (${detail})` : ''}\n`);
      },
    });
    return result.passed ? 0 : 1;
  },
};
