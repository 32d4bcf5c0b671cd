import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject, refuseBrokenDvcFiles } from '../dvc/project';
import { stageAddress } from '../pipeline/dag';
import { loadPipeline, nestedPipelines, pipelineStatus, trackedDataStatus } from '../pipeline/repro';
import { Workspace } from '../pipeline/status';
import { workspaceTree } from '../workspace/tree';
import type { CommandRunner } from './types';
import { parseCommandArgs } from './args';
import { PULL_FIRST_OPTIONS, pullFirst } from './pull';
import { pipelineTargets } from './pipeline-targets';
import { writeResult } from '../util/console-logger';

export const statusCommand: CommandRunner = {
  async run(args) {
    const { values, positionals: given } = parseCommandArgs(args, {
      json: { type: 'boolean', default: false },
      ...PULL_FIRST_OPTIONS,
    });
    const { dir, targets: positionals } = pipelineTargets(resolve(values.cwd), given);
    const options = pullFirst(values);
    // As `dvc status` with no target: the stages of every dvc.yaml and every `.dvc` file; a project of `.dvc` files
    // (or of dvc.yaml files in folders) alone has no dvc.yaml at its root.
    const tree = workspaceTree(dir);
    const project = await loadProject(tree);
    refuseBrokenDvcFiles(project);
    const tracked = positionals.length ? null : await trackedDataStatus(new Workspace(dir, tree), project, options);
    const nested = positionals.length ? [] : await nestedPipelines(dir, project);
    const pipeline = (tracked || nested.length) && !existsSync(join(dir, 'dvc.yaml')) ? null : { ...(await loadPipeline(dir)), project };
    const stages = pipeline ? (await pipelineStatus(pipeline, positionals, options)).filter((s) => s.changed) : [];
    for (const sub of nested) {
      for (const s of await pipelineStatus(sub, [], options)) if (s.changed) stages.push({ ...s, name: stageAddress(sub.file, s.name) });
    }
    for (const t of tracked ?? []) stages.push({ ...t, changed: true });
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
