import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

/** Reads `train.epochs` from params.yaml and writes a metric that follows it (and `bias`, a line of the script). */
export const TRAIN = `const fs = require('fs');
const epochs = Number(/epochs: *(\\d+)/.exec(fs.readFileSync('params.yaml', 'utf8'))[1]);
const rows = fs.readFileSync('data/prepared.csv', 'utf8').trim().split('\\n').length;
const bias = 0;
fs.writeFileSync('metrics.json', JSON.stringify({ accuracy: Math.round((epochs / 150 + bias + rows / 1000) * 10000) / 10000 }));
`;

const PREPARE = `const fs = require('fs');
fs.mkdirSync('data', { recursive: true });
fs.writeFileSync('data/prepared.csv', fs.readFileSync('data/raw.csv', 'utf8'));
`;

const PIPELINE = `stages:
  prepare:
    cmd: node src/prepare.js
    deps: [src/prepare.js, data/raw.csv]
    outs: [data/prepared.csv]
  train:
    cmd: node src/train.js
    deps: [src/train.js, data/prepared.csv]
    params: [train.epochs]
    metrics:
      - metrics.json: {cache: false}
`;

/** A committed pipeline at its base: params, two scripts, a raw data file, and the dvc.lock `mlreport repro` wrote. */
export async function pipelineRepo(): Promise<TempRepo> {
  const repo = new TempRepo('mlreport-causes-');
  repo.write({
    'params.yaml': 'train:\n  epochs: 100\n  lr: 0.1\n',
    'src/train.js': TRAIN,
    'src/prepare.js': PREPARE,
    'data/raw.csv': 'a,b\n1,2\n',
    'dvc.yaml': PIPELINE,
  });
  const r = await runCli(['repro'], repo.dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  repo.commit('base');
  return repo;
}
