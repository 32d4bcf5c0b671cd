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
});
