import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { explainer } from '../../src/causes/explain';
import { loadProject, type DvcProject } from '../../src/dvc/project';
import { workspaceTree } from '../../src/workspace/tree';
import { tempDir } from '../helpers/repo';

const dirs: string[] = [];

/** The project model of a folder of files, as the run reads a side. */
async function project(files: Record<string, string>): Promise<DvcProject> {
  const dir = tempDir('mlreport-causes-explain-');
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return loadProject(workspaceTree(dir));
}

const lockEntry = (path: string, md5: string, size: number) => `    - path: ${path}\n      hash: md5\n      md5: ${md5}\n      size: ${size}\n`;

const ROOT = 'stages:\n  prepare:\n    cmd: prep\n    deps: [raw.csv]\n    outs: [data/prepared.csv]\n';
const ROOT_LOCK = `schema: '2.0'\nstages:\n  prepare:\n    cmd: prep\n    deps:\n${lockEntry('raw.csv', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 100)}`;
const SUB = 'stages:\n  train:\n    cmd: train\n    deps: [../data/prepared.csv, extra.csv]\n    metrics:\n      - metrics.json: {cache: false}\n';
const subLock = (md5: string, size: number) => `schema: '2.0'\nstages:\n  train:\n    cmd: train\n    deps:\n${lockEntry('extra.csv', md5, size)}`;

describe('explainer (the pure core, on project models read from folders)', () => {
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test("a stage of another folder's dvc.yaml: named `dir/dvc.yaml:name`, walked into the root's stages, its data compared in its own dvc.lock", async () => {
    const base = await project({
      'dvc.yaml': ROOT,
      'dvc.lock': ROOT_LOCK,
      'sub/dvc.yaml': SUB,
      'sub/dvc.lock': subLock('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 10),
    });
    const head = await project({
      'dvc.yaml': `${ROOT}  extra:\n    cmd: ext\n    deps: [ext.csv]\n    metrics:\n      - extra.json: {cache: false}\n`,
      'dvc.lock': ROOT_LOCK.replace('aaaaaaaa', 'cccccccc'),
      'sub/dvc.yaml': SUB,
      'sub/dvc.lock': subLock('dddddddddddddddddddddddddddddddd', 20),
    });
    const explain = explainer({ base, head, params: [], metricsFiles: [], files: new Map(), tracked: new Set(), ran: null, stale: [], unknown: [] });

    const train = explain('sub/metrics.json');
    assert.equal(train.stage, 'sub/dvc.yaml:train');
    assert.deepEqual(
      train.stages.map((s) => [s.name, s.status]),
      [
        ['prepare', 'updated'],
        ['sub/dvc.yaml:train', 'updated'],
      ],
    );
    assert.deepEqual(train.data, [
      { path: 'raw.csv', source: 'dvc.lock', old: { size: 100, nfiles: null }, new: { size: 100, nfiles: null }, stages: ['prepare'] },
      { path: 'sub/extra.csv', source: 'dvc.lock', old: { size: 10, nfiles: null }, new: { size: 20, nfiles: null }, stages: ['sub/dvc.yaml:train'] },
    ]);
    assert.deepEqual(train.unknown, []);

    // A stage the base's dvc.lock does not have: new, and its data cannot be compared.
    const extra = explain('extra.json');
    assert.deepEqual(
      extra.stages.map((s) => [s.name, s.status, s.definition]),
      [['extra', 'new', 'new']],
    );
    assert.deepEqual(extra.unknown, ["stage 'extra' not in dvc.lock at base: changes to its data unknown"]);
    assert.equal(extra.nothingUpstream, false);
  });

  test('after a failed pipeline, a stage it did not run is said to have not run, and why, never to be out of date', async () => {
    const side = {
      'dvc.yaml':
        'stages:\n  prepare:\n    cmd: prep\n    outs: [prepared.csv]\n' +
        '  train:\n    cmd: train\n    deps: [prepared.csv, train.py]\n    metrics:\n      - metrics.json: {cache: false}\n',
    };
    const base = await project(side);
    const head = await project(side);
    const files = new Map([['train.py', { added: 3, deleted: 1 }]]);
    const inputs = { base, head, params: [], metricsFiles: ['metrics.json'], files, tracked: new Set(['train.py']), unknown: [] };
    // `dvc repro` stopped at prepare: train has no result; the run lists it as a stage it did not complete.
    const stale = [{ stage: 'train', reasons: ['did not run (the pipeline stopped before it: prepare failed)'] }];
    const ran = [{ name: 'prepare', status: 'failed' as const, reasons: [] }];
    const train = explainer({ ...inputs, ran, stale })('metrics.json').stages.find((s) => s.name === 'train')!;
    assert.deepEqual([train.status, train.reasons], ['not-run', ['the pipeline stopped before it: prepare failed']]);
    // The builtin runner's own result for it says the same.
    const notRun = [...ran, { name: 'train', status: 'not-run' as const, reasons: ["upstream stage 'prepare' failed"] }];
    const own = explainer({ ...inputs, ran: notRun, stale: [{ stage: 'train', reasons: ["did not run (upstream stage 'prepare' failed)"] }] })(
      'metrics.json',
    ).stages.find((s) => s.name === 'train')!;
    assert.deepEqual([own.status, own.reasons], ['not-run', ["upstream stage 'prepare' failed"]]);
    // Without a reproduction, a stale stage is out of date: a run would re-run it.
    const outOfDate = explainer({ ...inputs, ran: null, stale: [{ stage: 'train', reasons: ['dep train.py: modified'] }] })('metrics.json').stages.find(
      (s) => s.name === 'train',
    )!;
    assert.equal(outOfDate.status, 'out-of-date');
  });
});
