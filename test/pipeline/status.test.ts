import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LockStage } from '../../src/dvc/lock';
import type { Stage } from '../../src/dvc/types';
import { stageStatus, Workspace } from '../../src/pipeline/status';
import { workspaceTree, type Tree } from '../../src/workspace/tree';
import { TempRepo } from '../helpers/repo';

/** A stage of a `foreach` as dvc.yaml resolves it: its own key of one shared params.yaml. */
function stage(name: string): Stage {
  return {
    name,
    wdir: '.',
    cmd: `echo ${name}`,
    deps: [],
    params: [{ file: 'params.yaml', keys: [`stages.${name}.lr`] }],
    outs: [],
    frozen: false,
    alwaysChanged: false,
  };
}

/** Its dvc.lock entry, recording `lr`. */
function locked(name: string, lr: number): LockStage {
  return { cmd: `echo ${name}`, deps: [], outs: [], params: new Map([['params.yaml', new Map([[`stages.${name}.lr`, lr]])]]) };
}

test('a params file shared by many stages is read once a status pass, and again after a stage ran (invalidate)', async () => {
  const repo = new TempRepo();
  try {
    const names = ['s0', 's1', 's2'];
    const write = (lr: number) => writeFileSync(join(repo.dir, 'params.yaml'), `stages:\n${names.map((n) => `  ${n}:\n    lr: ${lr}\n`).join('')}`);
    write(0.1);
    const reads: string[] = [];
    const tree = workspaceTree(repo.dir);
    const counting: Tree = { ...tree, read: (path) => (reads.push(path), tree.read(path)) };
    const ws = new Workspace(repo.dir, counting);
    const changed: boolean[] = [];
    for (const n of names) changed.push((await stageStatus(stage(n), locked(n, 0.1), ws, (p) => p)).changed);
    assert.deepEqual(changed, [false, false, false], 'every value as dvc.lock records it');
    assert.deepEqual(reads, ['params.yaml'], 'one read for three stages');
    write(0.2);
    ws.invalidate();
    const after = await stageStatus(stage('s0'), locked('s0', 0.1), ws, (p) => p);
    assert.deepEqual(reads, ['params.yaml', 'params.yaml'], 'read again once a stage ran');
    assert.equal(after.changed, true, after.reasons.join('; '));
    assert.match(after.reasons.join('; '), /stages\.s0\.lr/);
  } finally {
    repo.remove();
  }
});
