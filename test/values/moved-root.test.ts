import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inHeadFrame, movedRootFrame, reframedProject } from '../../src/values/moved-root';
import type { DvcProject } from '../../src/dvc/project';

test('movedRootFrame: the outer root of the two, and each root from it; null when the root did not move', () => {
  assert.equal(movedRootFrame({ head: 'ml', base: 'ml' }), null);
  assert.deepEqual(movedRootFrame({ head: 'ml', base: '' }), { outer: '', headPrefix: 'ml', basePrefix: '' });
  assert.deepEqual(movedRootFrame({ head: '', base: 'ml' }), { outer: '', headPrefix: '', basePrefix: 'ml' });
  assert.deepEqual(movedRootFrame({ head: 'a/b/c', base: 'a' }), { outer: 'a', headPrefix: 'b/c', basePrefix: '' });
  // `ab` is no folder of `a`.
  assert.equal(movedRootFrame({ head: 'ab', base: 'a' }), null);
});

test("reframedProject puts a project's files below `prefix`; inHeadFrame takes them back, null outside it", () => {
  const project: DvcProject = {
    dvcYamls: [{ dir: '', file: 'dvc.yaml', stages: [], metrics: ['metrics.json'], params: [], plots: [] } as unknown as DvcProject['dvcYamls'][number]],
    locks: new Map([['', { stages: new Map(), raw: new Map() }]]),
    dvcFiles: [{ file: 'data.dvc', outs: [{ path: 'data' } as DvcProject['dvcFiles'][number]['outs'][number]] }],
    errors: [
      { file: 'sub/dvc.yaml', error: 'sub/dvc.yaml: broken' },
      { file: 'copy.dvc', error: "copy.dvc: output 'data' is already specified in data.dvc", tracks: ['data'] },
    ],
  };
  const framed = reframedProject(project, 'ml');
  assert.deepEqual(
    framed.dvcYamls.map((d) => [d.dir, d.file, d.metrics]),
    [['ml', 'ml/dvc.yaml', ['metrics.json']]],
  );
  assert.deepEqual([...framed.locks.keys()], ['ml']);
  assert.deepEqual(
    framed.dvcFiles.map((f) => [f.file, f.outs.map((o) => o.path)]),
    [['ml/data.dvc', ['ml/data']]],
  );
  assert.deepEqual(
    framed.errors.map((e) => [e.file, e.tracks]),
    [
      ['ml/sub/dvc.yaml', undefined],
      ['ml/copy.dvc', ['ml/data']],
    ],
  );
  assert.equal(reframedProject(project, ''), project);
  assert.equal(inHeadFrame('ml/metrics.json', 'ml'), 'metrics.json');
  assert.equal(inHeadFrame('metrics.json', 'ml'), null);
  assert.equal(inHeadFrame('mlx/metrics.json', 'ml'), null);
  assert.equal(inHeadFrame('metrics.json', ''), 'metrics.json');
});
