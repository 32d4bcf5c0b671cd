import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPipeline, pipelineStatus, reproduce, type ReproOptions } from '../../src/pipeline/repro';
import { MemoryLogger } from '../helpers/memory-logger';
import { tempDir } from '../helpers/repo';

const md5 = (data: string): string => createHash('md5').update(data).digest('hex');

// A tiny portable "tool" the fixture stages call with node, so tests need no POSIX shell utilities.
const TOOL = `
const fs = require('fs');
const path = require('path');
const [op, ...args] = process.argv.slice(2);
if (op === 'concat') {
  const [out, ...ins] = args;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, ins.map((f) => fs.readFileSync(f, 'utf8')).join(''));
} else if (op === 'param') {
  const [out, key] = args;
  const m = new RegExp('^\\\\s*' + key + ':\\\\s*(.*)$', 'm').exec(fs.readFileSync('params.yaml', 'utf8'));
  fs.writeFileSync(out, 'value=' + (m ? m[1] : '?') + '\\n');
} else if (op === 'append') {
  fs.appendFileSync(args[0], args[1] + '\\n');
} else if (op === 'count') {
  const f = args[0];
  const n = fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : 0;
  fs.writeFileSync(f, String(n + 1));
} else if (op === 'env') {
  fs.writeFileSync(args[0], process.env.DVC_STAGE + ' ' + (process.env.DVC_ROOT === process.cwd()));
} else if (op === 'fail') {
  for (let i = 1; i <= 60; i++) console.log('line ' + i);
  console.error('boom');
  process.exit(3);
}
`;

interface Project {
  dir: string;
  write(files: Record<string, string>): void;
  read(path: string): string;
  repro(options?: ReproOptions): ReturnType<typeof reproduce>;
  statuses(result: Awaited<ReturnType<typeof reproduce>>): Record<string, string>;
  remove(): void;
}

function project(files: Record<string, string>): Project {
  const dir = tempDir('mlreport-repro-');
  const p: Project = {
    dir,
    write(more) {
      for (const [path, text] of Object.entries(more)) {
        mkdirSync(join(dir, ...path.split('/').slice(0, -1)), { recursive: true });
        writeFileSync(join(dir, ...path.split('/')), text);
      }
    },
    read: (path) => readFileSync(join(dir, ...path.split('/')), 'utf8'),
    repro: async (options) => reproduce(await loadPipeline(dir), new MemoryLogger(), options),
    statuses: (result) => Object.fromEntries(result.stages.map((s) => [s.name, s.status])),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  p.write({ 'tool.js': TOOL, ...files });
  return p;
}

const PIPELINE = `stages:
  prepare:
    cmd: node tool.js concat data/prepared.txt data/raw.txt
    deps: [tool.js, data/raw.txt]
    outs: [data/prepared.txt]
  train:
    cmd: node tool.js param model.txt lr
    deps: [data/prepared.txt]
    params: [train.lr]
    outs: [model.txt]
  report:
    cmd: node tool.js concat metrics.json model.txt
    deps: [model.txt]
    metrics:
      - metrics.json: {cache: false}
  other:
    cmd: node tool.js param other.txt epochs
    params: [train.epochs]
    outs: [other.txt]
`;

describe('reproduce (builtin runner)', () => {
  test('first run: all stages; second: all skipped; a changed param: that stage and its dependants', async () => {
    const p = project({ 'dvc.yaml': PIPELINE, 'params.yaml': 'train:\n  lr: 0.10\n  epochs: 3\n', 'data/raw.txt': 'raw\n' });
    try {
      const first = await p.repro();
      assert.equal(first.passed, true);
      assert.deepEqual(p.statuses(first), { prepare: 'ran', train: 'ran', report: 'ran', other: 'ran' });
      assert.equal(p.read('metrics.json'), 'value=0.10\n');
      const lock = p.read('dvc.lock');
      // The train stage's record, with hashes of contents we know and DVC's key order and style.
      assert.ok(
        lock.includes(`  train:
    cmd: node tool.js param model.txt lr
    deps:
    - path: data/prepared.txt
      hash: md5
      md5: ${md5('raw\n')}
      size: 4
    params:
      params.yaml:
        train.lr: 0.1
    outs:
    - path: model.txt
      hash: md5
      md5: ${md5('value=0.10\n')}
      size: 11
`),
        lock,
      );
      assert.ok(lock.startsWith("schema: '2.0'\nstages:\n  prepare:\n"));

      const second = await p.repro();
      assert.deepEqual(p.statuses(second), { prepare: 'skipped', train: 'skipped', report: 'skipped', other: 'skipped' });
      assert.equal(p.read('dvc.lock'), lock);

      p.write({ 'params.yaml': 'train:\n  lr: 0.2\n  epochs: 3\n' });
      const third = await p.repro();
      assert.deepEqual(p.statuses(third), { prepare: 'skipped', train: 'ran', report: 'ran', other: 'skipped' });
      assert.deepEqual(third.stages.find((s) => s.name === 'train')?.reasons, ['param params.yaml:train.lr: modified']);
      assert.equal(p.read('metrics.json'), 'value=0.2\n');

      // Formatting-only changes to a value (0.2 → 0.20) are no change, as Python compares floats.
      p.write({ 'params.yaml': 'train:\n  lr: 0.20\n  epochs: 3\n' });
      assert.deepEqual(p.statuses(await p.repro()), { prepare: 'skipped', train: 'skipped', report: 'skipped', other: 'skipped' });
    } finally {
      p.remove();
    }
  });

  test('a changed dep, a changed cmd and a deleted out each make a stage run', async () => {
    const p = project({ 'dvc.yaml': PIPELINE, 'params.yaml': 'train:\n  lr: 1\n  epochs: 3\n', 'data/raw.txt': 'raw\n' });
    try {
      await p.repro();
      p.write({ 'data/raw.txt': 'raw 2\n' });
      let r = await p.repro();
      assert.deepEqual(r.stages[0]?.reasons, ['dep data/raw.txt: modified']);
      // prepare's out changed, so train ran; train's out is byte-identical, so report did not need to.
      assert.deepEqual(p.statuses(r), { prepare: 'ran', train: 'ran', report: 'skipped', other: 'skipped' });

      p.write({ 'dvc.yaml': PIPELINE.replace('param other.txt epochs', 'param other.txt  epochs') });
      r = await p.repro();
      assert.deepEqual(r.stages.find((s) => s.name === 'other')?.reasons, ['changed command']);

      rmSync(join(p.dir, 'model.txt'));
      r = await p.repro();
      assert.deepEqual(r.stages.find((s) => s.name === 'train')?.reasons, ['out model.txt: missing']);
      assert.equal(r.stages.find((s) => s.name === 'train')?.status, 'ran');
    } finally {
      p.remove();
    }
  });

  test('a failed stage stops its dependants, independent stages still run, the last 50 lines are kept', async () => {
    const yaml = PIPELINE.replace('node tool.js param model.txt lr', 'node tool.js fail');
    const p = project({ 'dvc.yaml': yaml, 'params.yaml': 'train:\n  lr: 1\n  epochs: 3\n', 'data/raw.txt': 'raw\n' });
    try {
      const r = await p.repro();
      assert.equal(r.passed, false);
      assert.deepEqual(p.statuses(r), { prepare: 'ran', train: 'failed', report: 'not-run', other: 'ran' });
      const train = r.stages.find((s) => s.name === 'train')!;
      assert.match(train.error!, /command exited with code 3: node tool.js fail/);
      const lines = train.log!.split('\n');
      assert.equal(lines.length, 50);
      assert.equal(lines.at(-1), 'boom');
      assert.ok(!lines.includes('line 1'));
      assert.deepEqual(r.stages.find((s) => s.name === 'report')?.reasons, ["upstream stage 'train' failed"]);
      const lock = p.read('dvc.lock');
      assert.ok(lock.includes('  prepare:') && lock.includes('  other:') && !lock.includes('  train:'));
    } finally {
      p.remove();
    }
  });

  test('an out the command did not write fails the stage, naming the path', async () => {
    const p = project({ 'dvc.yaml': 'stages:\n  s:\n    cmd: node tool.js concat a.txt tool.js\n    outs: [a.txt, b/missing.txt]\n' });
    try {
      const r = await p.repro();
      assert.equal(r.stages[0]?.status, 'failed');
      assert.match(r.stages[0]!.error!, /the command did not write 'b\/missing.txt'/);
      assert.equal(existsSync(join(p.dir, 'dvc.lock')), false);
    } finally {
      p.remove();
    }
  });

  test('a dep that does not exist and no stage writes fails the stage, naming the path', async () => {
    const p = project({ 'dvc.yaml': 'stages:\n  s:\n    cmd: node tool.js concat o.txt data/nope.csv\n    deps: [data/nope.csv]\n    outs: [o.txt]\n' });
    try {
      const r = await p.repro();
      assert.equal(r.stages[0]?.status, 'failed');
      assert.match(r.stages[0]!.error!, /dependency 'data\/nope.csv' does not exist and no stage writes it/);
    } finally {
      p.remove();
    }
  });

  test("absolute and drive-letter deps and outs are refused with DVC's words, whatever OS reads the dvc.yaml", async () => {
    const cases: [string, RegExp][] = [
      [
        'deps: [/data/raw.csv]',
        /^dvc\.yaml: stage 's': dependency '\/data\/raw\.csv' is an absolute path, outside of DVC project: .* See <https:\/\/dvc\.org\/doc\/user-guide\/pipelines\/external-dependencies-and-outputs> for more info\.$/,
      ],
      ["deps: ['C:\\data\\raw.csv']", /dependency 'C:\\data\\raw\.csv' is an absolute path, outside of DVC project/],
      ["params: [{'D:/cfg/params.yaml': [lr]}]", /dependency 'D:\/cfg\/params\.yaml' is an absolute path/],
      [
        "outs: ['\\\\server\\share\\model.pkl']",
        /^dvc\.yaml: stage 's': Cached output\(s\) outside of DVC project: \\\\server\\share\\model\.pkl\. See <https:\/\/dvc\.org\/doc\/user-guide\/pipelines\/external-dependencies-and-outputs> for more info\.$/,
      ],
    ];
    for (const [field, message] of cases) {
      const p = project({ 'dvc.yaml': `stages:\n  s:\n    cmd: x\n    ${field}\n` });
      try {
        await assert.rejects(loadPipeline(p.dir), { name: 'UserError', message }, field);
      } finally {
        p.remove();
      }
    }
  });

  test('cycles and two stages writing one out are errors naming the stages and path', async () => {
    const cycle = project({
      'dvc.yaml': 'stages:\n  a:\n    cmd: x\n    deps: [b.txt]\n    outs: [a.txt]\n  b:\n    cmd: y\n    deps: [a.txt]\n    outs: [b.txt]\n',
    });
    const dup = project({ 'dvc.yaml': 'stages:\n  a:\n    cmd: x\n    outs: [out/m.pkl]\n  b:\n    cmd: y\n    outs: [out/m.pkl]\n' });
    const overlap = project({ 'dvc.yaml': 'stages:\n  a:\n    cmd: x\n    outs: [out]\n  b:\n    cmd: y\n    outs: [out/m.pkl]\n' });
    try {
      await assert.rejects(loadPipeline(cycle.dir), /the pipeline has a cycle: (a → b → a|b → a → b)/);
      await assert.rejects(loadPipeline(dup.dir), /output 'out\/m.pkl' is written by two stages: 'a' and 'b'/);
      await assert.rejects(loadPipeline(overlap.dir), /output 'out\/m.pkl' of stage 'b' overlaps output 'out' of stage 'a'/);
    } finally {
      cycle.remove();
      dup.remove();
      overlap.remove();
    }
  });

  test('always_changed and dep-less stages always run; frozen stages never do', async () => {
    const yaml = `stages:
  always:
    cmd: node tool.js count always.n
    deps: [tool.js]
    always_changed: true
  callback:
    cmd: node tool.js count callback.n
  frozen:
    cmd: node tool.js count frozen.n
    deps: [tool.js]
    outs: [kept.txt]
    frozen: true
`;
    const p = project({ 'dvc.yaml': yaml });
    try {
      // A frozen stage's command never runs; with its out missing that is an error, as in DVC.
      const first = await p.repro();
      assert.deepEqual(p.statuses(first), { always: 'ran', callback: 'ran', frozen: 'failed' });
      assert.match(first.stages[2]!.error!, /frozen stage is missing outputs 'kept.txt'/);
      // With the out present, DVC records the workspace in dvc.lock without running anything.
      p.write({ 'kept.txt': 'by hand' });
      const second = await p.repro();
      assert.deepEqual(p.statuses(second), { always: 'ran', callback: 'ran', frozen: 'skipped' });
      assert.deepEqual(second.stages[2]?.reasons, ['frozen', 'not in dvc.lock', 'dvc.lock updated from the workspace']);
      assert.match(p.read('dvc.lock'), /  frozen:\n    cmd: node tool.js count frozen.n\n    deps:\n    - path: tool.js\n/);
      // Its deps are not checked: a changed dep leaves it alone.
      p.write({ 'tool.js': `${TOOL}\n// changed\n` });
      const third = await p.repro();
      assert.deepEqual(third.stages[2]?.reasons, ['frozen']);
      assert.equal(p.read('always.n'), '3');
      assert.equal(p.read('callback.n'), '3');
      assert.equal(existsSync(join(p.dir, 'frozen.n')), false);
    } finally {
      p.remove();
    }
  });

  test('repro --force on a frozen stage whose dep changed: never runs it, rewrites its dvc.lock entry from the workspace (DVC Stage.reproduce)', async () => {
    // prep → frozen → train: DVC's plan for a target stops at a frozen stage (get_active_graph), and --force forces
    // every stage in the plan, the frozen one included: Stage.run checks its outs, saves and dumps, runs nothing.
    const yaml = `stages:
  prep:
    cmd: node tool.js count prep.txt
    deps: [tool.js]
    outs: [prep.txt]
  frozen:
    cmd: node tool.js concat f.txt prep.txt
    deps: [prep.txt]
    outs: [f.txt]
    frozen: true
  train:
    cmd: node tool.js count train.n
    deps: [f.txt]
    outs: [train.n]
`;
    const entry = (prep: string, f: string): string =>
      `  frozen:\n    cmd: node tool.js concat f.txt prep.txt\n    deps:\n    - path: prep.txt\n      hash: md5\n      md5: ${md5(prep)}\n      size: ${prep.length}\n    outs:\n    - path: f.txt\n      hash: md5\n      md5: ${md5(f)}\n      size: ${f.length}\n`;
    const p = project({ 'dvc.yaml': yaml, 'f.txt': 'by hand', '.dvc/config': '' });
    const cached = (text: string): boolean => existsSync(join(p.dir, '.dvc', 'cache', 'files', 'md5', md5(text).slice(0, 2), md5(text).slice(2)));
    try {
      await p.repro();
      assert.ok(p.read('dvc.lock').includes(entry('1', 'by hand')));
      p.write({ 'prep.txt': 'changed' });
      // Without --force its changed dep is not looked at.
      assert.deepEqual(p.statuses(await p.repro({ targets: ['frozen'] })), { frozen: 'skipped' });
      assert.ok(p.read('dvc.lock').includes(entry('1', 'by hand')));
      // The frozen stage as the target: its command does not run, prep above it is not in the plan; its outs go to
      // the cache (Stage.commit).
      rmSync(join(p.dir, '.dvc', 'cache'), { recursive: true, force: true });
      const forced = await p.repro({ targets: ['frozen'], force: true });
      assert.deepEqual(p.statuses(forced), { frozen: 'skipped' });
      assert.deepEqual(forced.stages[0]!.reasons, ['frozen', 'forced', 'dvc.lock updated from the workspace']);
      assert.equal(p.read('f.txt'), 'by hand');
      assert.ok(cached('by hand'));
      assert.ok(p.read('dvc.lock').includes(entry('changed', 'by hand')));
      // Upstream of the target: recorded the same way, the target forced to run, prep still not run.
      p.write({ 'prep.txt': 'again' });
      const downstream = await p.repro({ targets: ['train'], force: true });
      assert.deepEqual(p.statuses(downstream), { frozen: 'skipped', train: 'ran' });
      assert.deepEqual(downstream.stages[0]!.reasons, ['frozen', 'forced', 'dvc.lock updated from the workspace']);
      assert.equal(p.read('prep.txt'), 'again');
      assert.ok(p.read('dvc.lock').includes(entry('again', 'by hand')));
      // Its outs missing: an error, as DVC's check_missing_outputs, and the stages below it do not run.
      rmSync(join(p.dir, 'f.txt'));
      const missing = await p.repro({ targets: ['train'], force: true });
      assert.deepEqual(p.statuses(missing), { frozen: 'failed', train: 'not-run' });
      assert.match(missing.stages[0]!.error!, /frozen stage is missing outputs 'f.txt'/);
    } finally {
      p.remove();
    }
  });

  test('non-persistent outs are removed before the command runs (as DVC does); persistent ones are kept', async () => {
    const yaml = `stages:
  s:
    cmd: [node tool.js append fresh.txt run, node tool.js append kept.txt run]
    deps: [trigger.txt]
    outs: [fresh.txt, {kept.txt: {persist: true}}]
`;
    const p = project({ 'dvc.yaml': yaml, 'trigger.txt': '1' });
    try {
      await p.repro();
      p.write({ 'trigger.txt': '2' });
      await p.repro();
      assert.equal(p.read('fresh.txt'), 'run\n');
      assert.equal(p.read('kept.txt'), 'run\nrun\n');
    } finally {
      p.remove();
    }
  });

  test('targets run only that stage and its upstream; --dry runs nothing and writes no lock', async () => {
    const p = project({ 'dvc.yaml': PIPELINE, 'params.yaml': 'train:\n  lr: 1\n  epochs: 3\n', 'data/raw.txt': 'raw\n' });
    try {
      const dry = await p.repro({ dry: true });
      assert.deepEqual(p.statuses(dry), { prepare: 'not-run', train: 'not-run', report: 'not-run', other: 'not-run' });
      assert.equal(existsSync(join(p.dir, 'dvc.lock')), false);
      assert.equal(existsSync(join(p.dir, 'model.txt')), false);

      const r = await p.repro({ targets: ['train'] });
      assert.deepEqual(p.statuses(r), { prepare: 'ran', train: 'ran' });
      await assert.rejects(p.repro({ targets: ['nope'] }), /No stage 'nope' in dvc.yaml/);
    } finally {
      p.remove();
    }
  });

  test('a multi-line cmd runs line by line, with DVC_STAGE and DVC_ROOT set as DVC sets them', async () => {
    const yaml = 'stages:\n  s:\n    cmd: |\n      node tool.js append log.txt one\n      node tool.js env env.txt\n    outs: [log.txt, env.txt]\n';
    const p = project({ 'dvc.yaml': yaml });
    try {
      const r = await p.repro();
      assert.equal(r.passed, true, r.stages[0]?.error);
      assert.equal(p.read('log.txt'), 'one\n');
      assert.equal(p.read('env.txt'), 's true');
      assert.match(p.read('dvc.lock'), /    cmd: "node tool.js append log.txt one\\nnode tool.js env env.txt\\n"\n/);
    } finally {
      p.remove();
    }
  });

  test('params ints too large for a double reach dvc.lock exactly as DVC (ruamel) writes them, and compare exactly', async () => {
    const p = project({
      'dvc.yaml': 'stages:\n  train:\n    cmd: node tool.js count n.txt\n    params:\n    - seed\n    - neg\n    - p.json:\n      - big\n    outs: [n.txt]\n',
      'params.yaml': 'seed: 12345678901234567890\nneg: -98765432109876543210\n',
      'p.json': '{"big": 123456789012345678901234567890}\n',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { train: 'ran' });
      // What ruamel.yaml (0.17.21 and 0.19.1) writes for these values with DVC's dumper settings.
      const params = `    params:
      params.yaml:
        neg: -98765432109876543210
        seed: 12345678901234567890
      p.json:
        big: 123456789012345678901234567890
`;
      assert.ok(p.read('dvc.lock').includes(params), p.read('dvc.lock'));
      assert.deepEqual(p.statuses(await p.repro()), { train: 'skipped' });
      // 12345678901234567891 is the same double as 12345678901234567890, but not the same int.
      p.write({ 'params.yaml': 'seed: 12345678901234567891\nneg: -98765432109876543210\n' });
      const third = await p.repro();
      assert.deepEqual(third.stages[0]?.reasons, ['param params.yaml:seed: modified']);
      assert.ok(p.read('dvc.lock').includes('        seed: 12345678901234567891\n'));
    } finally {
      p.remove();
    }
  });

  test("params numbers in ruamel's YAML 1.2 notations (1_000_000, 0b101, -0x1F) are numbers in the cmd and dvc.lock, as DVC reads them", async () => {
    const p = project({
      'dvc.yaml': 'stages:\n  train:\n    cmd: node tool.js count n-${n}.txt\n    params: [n, b, h, f, s]\n    outs: ["n-${n}.txt"]\n',
      // ruamel's resolver (YAML 1.2) takes `_` in ints and floats, binary and signed hex ints; `.5e3` stays a string
      // (its float pattern wants a sign on the exponent after a leading dot).
      'params.yaml': 'n: 1_000_000\nb: 0b101\nh: -0x1F\nf: 1_0.5\ns: .5e3\n',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { train: 'ran' });
      const lock = p.read('dvc.lock');
      assert.ok(lock.includes('    cmd: node tool.js count n-1000000.txt\n'), lock);
      assert.ok(lock.includes('        b: 5\n        f: 10.5\n        h: -31\n        n: 1000000\n        s: .5e3\n'), lock);
      // The dvc.lock DVC writes for this params.yaml is the same: the stage is up to date.
      assert.deepEqual(p.statuses(await p.repro()), { train: 'skipped' });
    } finally {
      p.remove();
    }
  });

  test('a params date (2021-01-01) is a date, as ruamel reads it: dvc.lock keeps it unquoted, where a quoted string would not equal it for DVC', async () => {
    const lock = (name: string, out: string): string =>
      `  ${name}:\n    cmd: node tool.js count ${out}\n    params:\n      params.yaml:\n        day: 2021-01-01\n        label: '2021-01-02'\n    outs:\n    - path: ${out}\n      hash: md5\n      md5: ${md5('1')}\n      size: 1\n`;
    const stage = (name: string, out: string): string => `  ${name}:\n    cmd: node tool.js count ${out}\n    params: [day, label]\n    outs: [${out}]\n`;
    const p = project({
      'dvc.yaml': `stages:\n${stage('a', 'a.txt')}${stage('b', 'b.txt')}`,
      'params.yaml': "day: 2021-01-01\nlabel: '2021-01-02'\n",
      // Stage a as DVC wrote it: the date plain, the string that looks like one quoted.
      'dvc.lock': `schema: '2.0'\nstages:\n${lock('a', 'a.txt')}`,
      'a.txt': '1',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { a: 'skipped', b: 'ran' });
      assert.equal(p.read('dvc.lock'), `schema: '2.0'\nstages:\n${lock('a', 'a.txt')}${lock('b', 'b.txt')}`);
      // An embedded date is refused, as DVC refuses it (its to_str takes only ints, floats, strings and bools).
      p.write({ 'dvc.yaml': 'stages:\n  c:\n    cmd: echo ${day}\n' });
      await assert.rejects(p.repro(), /failed to parse 'stages\.c\.cmd': Cannot interpolate data of type 'date' \('day'\)/);
    } finally {
      p.remove();
    }
  });

  test("a params date-time is a datetime, as ruamel reads it: equal to dvc.lock's by instant, written back as DVC writes it", async () => {
    // DVC's dumper writes a datetime's str(): the zone as an offset, the fraction to microseconds.
    const lock = (name: string, out: string, at: string): string =>
      `  ${name}:\n    cmd: node tool.js count ${out}\n    params:\n      params.yaml:\n        at: ${at}\n        t: 2024-01-02 10:20:30.500000\n    outs:\n    - path: ${out}\n      hash: md5\n      md5: ${md5('1')}\n      size: 1\n`;
    const stage = (name: string, out: string): string => `  ${name}:\n    cmd: node tool.js count ${out}\n    params: [at, t]\n    outs: [${out}]\n`;
    const p = project({
      'dvc.yaml': `stages:\n${stage('a', 'a.txt')}${stage('b', 'b.txt')}`,
      'params.yaml': 'at: 2024-01-02T10:20:30+05:30\nt: 2024-01-02T10:20:30.5\n',
      // Stage a as DVC wrote it, its date-time at the same instant written in UTC.
      'dvc.lock': `schema: '2.0'\nstages:\n${lock('a', 'a.txt', '2024-01-02 04:50:30+00:00')}`,
      'a.txt': '1',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { a: 'skipped', b: 'ran' });
      assert.equal(
        p.read('dvc.lock'),
        `schema: '2.0'\nstages:\n${lock('a', 'a.txt', '2024-01-02 04:50:30+00:00')}${lock('b', 'b.txt', '2024-01-02 10:20:30+05:30')}`,
      );
      // A naive date-time is never equal to a zoned one.
      p.write({ 'params.yaml': 'at: 2024-01-02T04:50:30\nt: 2024-01-02T10:20:30.5\n' });
      assert.deepEqual(p.statuses(await p.repro()), { a: 'ran', b: 'ran' });
      p.write({ 'dvc.yaml': 'stages:\n  c:\n    cmd: echo ${at}\n' });
      await assert.rejects(p.repro(), /failed to parse 'stages\.c\.cmd': Cannot interpolate data of type 'datetime' \('at'\)/);
    } finally {
      p.remove();
    }
  });

  test("params with YAML merge keys: dvc.lock lists the merged keys first, as ruamel's safe loader orders them for DVC", async () => {
    const p = project({
      'dvc.yaml': 'stages:\n  s:\n    cmd: node tool.js count s.txt\n    params: [train]\n    outs: [s.txt]\n',
      'params.yaml': 'base: &base\n  lr: 0.1\n  momentum: 0.9\ntrain:\n  <<: *base\n  epochs: 5\n  lr: 0.2\n',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      assert.ok(
        p.read('dvc.lock').includes('      params.yaml:\n        train:\n          lr: 0.2\n          momentum: 0.9\n          epochs: 5\n'),
        p.read('dvc.lock'),
      );
    } finally {
      p.remove();
    }
  });

  test('params shared by a YAML alias: dvc.lock holds them as DVC writes them, an anchor within the stage and none across stages', async () => {
    // The repro of the finding; the expected text is ruamel's (DVC's Lockfile.dump_stages) for DVC's values.
    const params = 'base: &base\n  lr: 0.1\n  layers: &l [1, 2]\ntrain:\n  <<: *base\n  epochs: 5\neval:\n  layers: *l\n';
    const stage = (name: string): string => `  ${name}:\n    cmd: node tool.js count ${name}.txt\n    params: [train, eval.layers]\n    outs: [${name}.txt]\n`;
    const p = project({ 'dvc.yaml': `stages:\n${stage('s')}${stage('t')}`, 'params.yaml': params });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran', t: 'ran' });
      const section = (id: string): string =>
        `      params.yaml:\n        eval.layers: &${id}\n        - 1\n        - 2\n        train:\n          lr: 0.1\n          layers: *${id}\n          epochs: 5\n`;
      const lock = p.read('dvc.lock');
      assert.ok(lock.includes(`    params:\n${section('id001')}    outs:\n    - path: s.txt\n`), lock);
      assert.ok(lock.includes(`    params:\n${section('id002')}    outs:\n    - path: t.txt\n`), lock);
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped', t: 'skipped' }, 'the lock it wrote reads back');
      // Frozen stages are recorded from the workspace without running, one after the other: still no anchor across them.
      p.write({ 'dvc.yaml': `stages:\n${stage('s')}    frozen: true\n${stage('t')}    frozen: true\n`.replace(/count/g, 'count  ') });
      await p.repro();
      const frozen = p.read('dvc.lock');
      assert.ok(frozen.includes(`    params:\n${section('id001')}    outs:\n    - path: s.txt\n`) && frozen.includes(section('id002')), frozen);
    } finally {
      p.remove();
    }
  });

  test('TOML dates and date-times are what tomlkit unwraps them to: dvc.lock holds them as DVC writes them, equal on the next run; a time is refused', async () => {
    // DVC: tomlkit `loads(text).unwrap()` gives date/datetime objects, which ruamel dumps as plain timestamps.
    const lock = (name: string, out: string): string =>
      `  ${name}:\n    cmd: node tool.js count ${out}\n    params:\n      q.toml:\n        d: 2024-01-01\n        dt: 1979-05-27 07:32:00+00:00\n` +
      `        ldt: 1979-05-27 07:32:00\n        off: 1979-05-27 00:32:00.999000-07:00\n    outs:\n    - path: ${out}\n      hash: md5\n      md5: ${md5('1')}\n      size: 1\n`;
    const stage = (name: string, out: string): string => `  ${name}:\n    cmd: node tool.js count ${out}\n    params:\n    - q.toml:\n    outs: [${out}]\n`;
    const p = project({
      'dvc.yaml': `stages:\n${stage('a', 'a.txt')}${stage('b', 'b.txt')}`,
      'q.toml': 'd = 2024-01-01\ndt = 1979-05-27T07:32:00Z\nldt = 1979-05-27T07:32:00\noff = 1979-05-27T00:32:00.999-07:00\n',
      // Stage a as DVC wrote it.
      'dvc.lock': `schema: '2.0'\nstages:\n${lock('a', 'a.txt')}`,
      'a.txt': '1',
    });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { a: 'skipped', b: 'ran' });
      assert.equal(p.read('dvc.lock'), `schema: '2.0'\nstages:\n${lock('a', 'a.txt')}${lock('b', 'b.txt')}`);
      assert.deepEqual(p.statuses(await p.repro()), { a: 'skipped', b: 'skipped' });
      // ruamel cannot represent a datetime.time: DVC's repro fails on it; here before the command runs, naming it.
      p.write({ 'q.toml': 'd = 2024-01-01\ndt = 1979-05-27T07:32:00Z\nldt = 1979-05-27T07:32:00\noff = 1979-05-27T00:32:00.999-07:00\nt = 07:32:00\n' });
      const refused = await p.repro();
      assert.match(refused.stages.find((s) => s.name === 'a')?.error ?? '', /stage 'a': q\.toml: t = 07:32:00 is a time of day, which dvc\.lock cannot hold/);
      assert.equal(p.read('a.txt'), '1', 'the command did not run');
      // A frozen stage recorded from the workspace (its cmd changed) is refused the same way.
      p.write({ 'dvc.yaml': `stages:\n${stage('a', 'a.txt')}    frozen: true\n`.replace('count', 'count ') });
      const frozen = await p.repro();
      assert.match(frozen.stages[0]?.error ?? '', /stage 'a': q\.toml: t = 07:32:00 is a time of day, which dvc\.lock cannot hold/);
    } finally {
      p.remove();
    }
  });

  test('through a symlinked path (macOS temp dirs: /var → /private/var) DVC_ROOT is the physical root, the cwd', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js env env.txt\n    outs: [env.txt]\n';
    const p = project({ 'dvc.yaml': yaml });
    const links = tempDir('mlreport-links-');
    try {
      const linked = join(links, 'project');
      symlinkSync(p.dir, linked, 'junction');
      const r = await reproduce(await loadPipeline(linked), new MemoryLogger());
      assert.equal(r.passed, true, r.stages[0]?.error);
      assert.equal(p.read('env.txt'), 's true');
    } finally {
      p.remove();
      rmSync(links, { recursive: true, force: true });
    }
  });

  test('foreach stages are named group@key in dvc.lock; wdir paths are relative to it', async () => {
    const yaml = `stages:
  copy:
    foreach: [a, b]
    do:
      wdir: sub
      cmd: node ../tool.js concat out-\${item}.txt in.txt
      deps: [in.txt]
      outs: ["out-\${item}.txt"]
`;
    const p = project({ 'dvc.yaml': yaml, 'sub/in.txt': 'x' });
    try {
      const r = await p.repro();
      assert.deepEqual(p.statuses(r), { 'copy@a': 'ran', 'copy@b': 'ran' });
      assert.match(p.read('dvc.lock'), /  copy@b:\n    cmd: node \.\.\/tool\.js concat out-b\.txt in\.txt\n    deps:\n    - path: in\.txt\n/);
      assert.equal(p.read('sub/out-a.txt'), 'x');
    } finally {
      p.remove();
    }
  });

  test('DVC 2 (legacy) lock entries of unchanged data stay as they are; a changed file becomes hash: md5 (Output.update_legacy_hash_name)', async () => {
    const crlf = 'line 1\r\nline 2\r\n';
    const lf = crlf.replace(/\r\n/g, '\n');
    const ev = '// ev\n';
    const yaml = 'stages:\n  s:\n    cmd: node tool.js concat o.txt data.txt\n    deps: [data.txt, ev.js]\n    outs: [o.txt]\n';
    // As DVC 2 wrote it: no `hash:`, md5 of the text with CRLF read as LF, size of the bytes.
    const legacy = (path: string, text: string, bytes: string): string => `    - path: ${path}\n      md5: ${md5(text)}\n      size: ${bytes.length}\n`;
    const lock = (evEntry: string): string =>
      `schema: '2.0'\nstages:\n  s:\n    cmd: node tool.js concat o.txt data.txt\n    deps:\n${legacy('data.txt', lf, crlf)}${evEntry}    outs:\n${legacy('o.txt', lf, crlf)}`;
    const p = project({ 'dvc.yaml': yaml, 'data.txt': crlf, 'ev.js': ev, 'o.txt': crlf, 'dvc.lock': lock(legacy('ev.js', ev, ev)) });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped' });
      p.write({ 'ev.js': `${ev}// y\n` });
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      // data.txt and the re-made, byte-identical o.txt keep their DVC 2 lines; only ev.js, which changed, is DVC 3's.
      const changed = `${ev}// y\n`;
      assert.equal(p.read('dvc.lock'), lock(`    - path: ev.js\n      hash: md5\n      md5: ${md5(changed)}\n      size: ${changed.length}\n`));
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped' }, 'the lock it wrote reads back');
    } finally {
      p.remove();
    }
  });

  test('a dep listed twice is two entries in dvc.lock, as DVC writes it (only `dvc stage add` refuses one), and one reason when it changes', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js concat out.txt data.txt\n    deps: [data.txt, data.txt]\n    outs: [out.txt]\n';
    const p = project({ 'dvc.yaml': yaml, 'data.txt': 'a\n' });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      // dvc/stage/serialize.py writes every dep of the stage, sorted by path: the two stay side by side.
      const entry = `    - path: data.txt\n      hash: md5\n      md5: ${md5('a\n')}\n      size: 2\n`;
      assert.ok(p.read('dvc.lock').includes(`    deps:\n${entry}${entry}    outs:\n`), p.read('dvc.lock'));
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped' }, 'the lock it wrote reads back');
      p.write({ 'data.txt': 'b\n' });
      // DVC gathers a stage's status into a mapping by path: the dep is named once.
      const [status] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(status?.reasons, ['dep data.txt: modified']);
      const r = await p.repro();
      assert.deepEqual(r.stages[0]?.reasons, ['dep data.txt: modified']);
    } finally {
      p.remove();
    }
  });

  test('a params key missing from its file: status names it as repro fails on it, with or without a dvc.lock entry', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js param out.txt lr\n    params: [lr, epochs]\n    outs: [out.txt]\n';
    const p = project({ 'dvc.yaml': yaml, 'params.yaml': 'epochs: 3\n' });
    try {
      const said = "params 'lr' missing from 'params.yaml'";
      const status = async (): Promise<string[] | undefined> => (await pipelineStatus(await loadPipeline(p.dir), [], { pull: false }))[0]?.reasons;
      assert.deepEqual(await status(), ['not in dvc.lock', said, 'out out.txt: missing']);
      const r = await p.repro();
      assert.equal(r.stages[0]?.status, 'failed');
      assert.equal(r.stages[0]?.error, `stage 's': ${said}.`);
      // A dvc.lock entry that records no params for the file (the stage took its params later): the same.
      p.write({ 'dvc.yaml': yaml.replace('    params: [lr, epochs]\n', ''), 'params.yaml': 'epochs: 3\n' });
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      p.write({ 'dvc.yaml': yaml });
      assert.deepEqual(await status(), [said]);
    } finally {
      p.remove();
    }
  });

  test('a params key added to a stage that ran, in neither the file nor dvc.lock (a typo): deleted, and repro fails on it, as DVC', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js param out.txt lr\n    params: [train.lr]\n    outs: [out.txt]\n';
    const p = project({ 'dvc.yaml': yaml, 'params.yaml': 'train:\n  lr: 0.1\n  epochs: 5\n' });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      p.write({ 'dvc.yaml': yaml.replace('[train.lr]', '[train.lr, train.nope]') });
      // DVC's ParamsDependency.workspace_status: a listed key not in the file is `deleted`, whatever dvc.lock holds;
      // `dvc repro` then runs the stage and get_hash refuses the key (MissingParamsError).
      const [status] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(status?.reasons, ['param params.yaml:train.nope: deleted']);
      const lockBefore = p.read('dvc.lock');
      const r = await p.repro();
      assert.equal(r.passed, false);
      assert.equal(r.stages[0]?.status, 'failed');
      assert.equal(r.stages[0]?.error, "stage 's': params 'train.nope' missing from 'params.yaml'.");
      assert.equal(p.read('dvc.lock'), lockBefore, 'dvc.lock is not rewritten');
    } finally {
      p.remove();
    }
  });

  test('a .py params file with a set and an int key: dvc.lock holds them as DVC writes them, and the stage is then up to date', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js count n.txt\n    params: [conf.py:]\n    outs: [n.txt]\n';
    const p = project({ 'dvc.yaml': yaml, 'conf.py': 'TAGS = {"a"}\nK = {1: "one"}\n' });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      // ruamel's represent_set and its int key (DVC's lock, whose safe loader reads a set and the int back).
      const params = '    params:\n      conf.py:\n        K:\n          1: one\n        TAGS: !!set\n          a:\n';
      assert.ok(p.read('dvc.lock').includes(params), p.read('dvc.lock'));
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped' }, 'the set and the key read back equal');
      // A set DVC wrote in another order (Python's hash order) is the same set.
      p.write({ 'conf.py': 'TAGS = {"a", "b"}\nK = {1: "one"}\n' });
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      p.write({ 'dvc.lock': p.read('dvc.lock').replace('TAGS: !!set\n          a:\n          b:\n', 'TAGS: !!set\n          b:\n          a:\n') });
      assert.ok(p.read('dvc.lock').includes('          b:\n          a:\n'));
      const [status] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(status?.reasons, []);
      p.write({ 'conf.py': 'TAGS = {"a", "c"}\nK = {1: "one"}\n' });
      const [changed] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(changed?.reasons, ['param conf.py:TAGS: modified']);
    } finally {
      p.remove();
    }
  });

  // DVC compares a param with dvc.lock's by == (ParamsDependency.workspace_status): a set's order never matters. A set
  // holding tuples is in dvc.lock as a list of them (ruamel would write complex keys).
  test('equal sets are no change against dvc.lock, whatever order the file writes them in, a set of tuples too', async () => {
    const yaml = 'stages:\n  s:\n    cmd: node tool.js count n.txt\n    params: [{conf.py: [A, D, G]}]\n    outs: [n.txt]\n';
    const conf = 'A = {1, 9}\nD = {(1, 2), (3, 4), (0, 0), (-1, 5)}\nG = {100, 33, 64, 7, 8, 9, 1000000, 31, 32}\n';
    const p = project({ 'dvc.yaml': yaml, 'conf.py': conf });
    try {
      assert.deepEqual(p.statuses(await p.repro()), { s: 'ran' });
      assert.ok(p.read('dvc.lock').includes('        D:\n        - - -1\n          - 5\n'), p.read('dvc.lock'));
      assert.deepEqual(p.statuses(await p.repro()), { s: 'skipped' }, 'the values read back equal');
      p.write({ 'conf.py': 'A = {9, 1}\nD = {(-1, 5), (0, 0), (3, 4), (1, 2)}\nG = {32, 31, 1000000, 9, 8, 7, 64, 33, 100}\n' });
      const [status] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(status?.reasons, []);
      p.write({ 'conf.py': 'A = {9, 1}\nD = {(-1, 5), (0, 0), (3, 4), (1, 3)}\nG = {32, 31, 1000000, 9, 8, 7, 64, 33, 100}\n' });
      const [changed] = await pipelineStatus(await loadPipeline(p.dir), [], { pull: false });
      assert.deepEqual(changed?.reasons, ['param conf.py:D: modified']);
    } finally {
      p.remove();
    }
  });
});
