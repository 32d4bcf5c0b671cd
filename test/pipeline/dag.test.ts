import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Stage } from '../../src/dvc/types';
import { buildDag, projectDag, selectStages } from '../../src/pipeline/dag';

function stage(name: string, deps: string[], outs: string[], wdir = '.'): Stage {
  return {
    name,
    wdir,
    cmd: name,
    deps,
    params: [],
    outs: outs.map((path) => ({ path, kind: 'out', cache: true, persist: false, props: new Map() })),
    frozen: false,
    alwaysChanged: false,
  };
}

test('a stage reading a folder depends on every stage writing inside it, and one reading inside a folder on its writer', () => {
  const dag = buildDag([
    stage('a', [], ['data/x']),
    stage('b', [], ['data/y']),
    stage('c', ['data'], ['model']),
    stage('d', ['model/weights.bin', 'src/eval.py'], ['eval'], '.'),
    stage('e', ['../top/eval/report.json'], [], 'top'),
  ]);
  assert.deepEqual(dag.upstream.get('c'), ['a', 'b']);
  assert.deepEqual(dag.upstream.get('d'), ['c']);
  assert.deepEqual(dag.upstream.get('e'), [], 'top/eval is not eval');
  assert.deepEqual(dag.order, ['a', 'b', 'c', 'd', 'e']);
  assert.equal(dag.producerOf('data/x/1.csv'), 'a');
  assert.equal(dag.producerOf('data/x'), 'a');
  assert.equal(dag.producerOf('data'), undefined, 'a folder holding outputs is not itself written');
  assert.equal(dag.producerOf('data/xy'), undefined, 'a name that starts like an output is not inside it');
});

test('outputs nested across stages are refused, whichever comes first, and within one stage (dvc/repo/trie.py OverlappingOutputPathsError)', () => {
  assert.throws(
    () => buildDag([stage('a', [], ['out/m.pkl']), stage('b', [], ['out'])]),
    /output 'out' of stage 'b' overlaps output 'out\/m\.pkl' of stage 'a'/,
  );
  assert.throws(
    () => buildDag([stage('a', [], ['out']), stage('b', [], ['out/m.pkl'])]),
    /output 'out\/m\.pkl' of stage 'b' overlaps output 'out' of stage 'a'/,
  );
  assert.throws(
    () => buildDag([stage('a', [], ['x/1']), stage('b', [], ['x/2']), stage('c', [], ['x'])]),
    /output 'x' of stage 'c' overlaps output 'x\/1' of stage 'a'/,
    'the first in dvc.yaml order is named',
  );
  // DVC's trie holds every output of every stage, a stage's own among them: `outs: [out, out/m.pkl]` is refused too.
  for (const outs of [
    ['out', 'out/m.pkl'],
    ['out/m.pkl', 'out'],
  ]) {
    const said = `sub/dvc.yaml: stage 'a' lists the outputs '${outs[0]}' and '${outs[1]}', one inside the other: DVC refuses outputs that overlap`;
    assert.throws(
      () => buildDag([stage('a', [], outs)], 'sub/dvc.yaml'),
      (error: Error) => error.message.startsWith(said),
    );
  }
});

test("a stage reading its own output, or inside it, is a cycle; reading a folder holding it is another stage's", () => {
  assert.throws(() => buildDag([stage('a', ['out/m.pkl'], ['out'])]), /stage 'a' depends on its own output 'out' \(a cycle\)/);
  assert.throws(() => buildDag([stage('a', ['out'], ['out'])]), /stage 'a' depends on its own output 'out' \(a cycle\)/);
  assert.deepEqual(buildDag([stage('a', ['out'], ['out/m.pkl'])]).upstream.get('a'), []);
});

test('targets as DVC takes them: a stage, a foreach group, `dvc.yaml:stage`, `dvc.yaml` for every stage', () => {
  const dag = buildDag([stage('prepare', [], ['data']), stage('train@a', ['data'], ['m/a']), stage('train@b', ['data'], ['m/b']), stage('other', [], ['o'])]);
  assert.deepEqual(selectStages(dag, ['train']), ['prepare', 'train@a', 'train@b']);
  assert.deepEqual(selectStages(dag, ['dvc.yaml:train@b']), ['prepare', 'train@b']);
  assert.deepEqual(selectStages(dag, ['./dvc.yaml:other']), ['other']);
  assert.deepEqual(selectStages(dag, ['dvc.yaml']), ['prepare', 'train@a', 'train@b', 'other']);
  assert.throws(() => selectStages(dag, ['dvc.yaml:nope']), /No stage 'nope' in dvc\.yaml \(stages: prepare, train@a, train@b, other\)/);
});

test("the project's DAG joins its dvc.yaml files: a nested file's stage reading another file's output is downstream of it", () => {
  const root = buildDag([stage('prepare', [], ['data/clean.csv']), stage('features', ['data/clean.csv'], ['data/features.csv'])]);
  // sub/dvc.yaml reads the root's features; eval/dvc.yaml (a `wdir` of `..` from its own folder) reads sub's model.
  const sub = buildDag([stage('train', ['../data/features.csv'], ['model.pkl']), stage('score', ['model.pkl'], ['scores.json'])]);
  const evaluate = buildDag([stage('report', ['sub/model.pkl'], ['eval/metrics.json'], '..')]);
  const dag = projectDag([
    { file: 'dvc.yaml', dag: root },
    { file: 'sub/dvc.yaml', dag: sub },
    { file: 'eval/dvc.yaml', dag: evaluate },
  ]);
  assert.deepEqual(dag.upstream.get('sub/dvc.yaml:train'), ['features'], "sub's stage reads the root's output");
  assert.deepEqual(dag.upstream.get('eval/dvc.yaml:report'), ['sub/dvc.yaml:train'], 'and a third file reads the second one');
  assert.deepEqual(dag.order, ['prepare', 'features', 'sub/dvc.yaml:train', 'sub/dvc.yaml:score', 'eval/dvc.yaml:report']);
  assert.equal(dag.producerOf('sub/scores.json'), 'sub/dvc.yaml:score', 'outputs by their path from the project root');
  assert.equal(dag.producerOf('eval/metrics.json'), 'eval/dvc.yaml:report');
  assert.equal(dag.producerOf('scores.json'), undefined);
  // An output two files' stages write is no one project, as DVC says.
  assert.throws(
    () =>
      projectDag([
        { file: 'dvc.yaml', dag: root },
        { file: 'sub/dvc.yaml', dag: buildDag([stage('again', [], ['../data/clean.csv'])]) },
      ]),
    /output 'data\/clean\.csv' is written by two stages: 'prepare' and 'sub\/dvc\.yaml:again'/,
  );
});
