// The project model seen from the commands a user runs (dist/cli.js in real repositories): every feature reads
// dvc.yaml and params the same way, and reads project files only through the guarded reader.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_CLI, type ProcessResult } from '../helpers/cli';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

const cleanup: string[] = [];
after(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(): TempRepo {
  const r = new TempRepo();
  cleanup.push(r.dir);
  return r;
}

/** Runs the CLI, killing it after `seconds`: a read that blocks (a FIFO) or a parse that runs away must not hang the test. */
function cli(args: string[], cwd: string, seconds = 60): Promise<ProcessResult & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIST_CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, seconds * 1000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function readTree(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)).toString('latin1'))
    .join('\n');
}

describe('a templated metrics path (vars + ${…}) is found by every command', () => {
  test('report and metrics diff find ${dir}/m.json at the base and at the head', async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'vars:\n  - dir: out\nmetrics:\n  - ${dir}/m.json\n', 'out/m.json': '{"acc": 0.5}' });
    r.commit('head', { 'out/m.json': '{"acc": 0.75}' });
    const out = tempDir();
    cleanup.push(out);
    const report = await cli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], r.dir);
    assert.equal(report.code, 0, report.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    assert.deepEqual(
      json.metrics.map((f: { path: string; rows: { key: string; old: number; new: number }[] }) => [f.path, f.rows.map((row) => [row.key, row.old, row.new])]),
      [['out/m.json', [['acc', 0.5, 0.75]]]],
    );
    assert.doesNotMatch(readFileSync(join(out, 'report.md'), 'utf8'), /No metrics or params files found/);
    const diff = await cli(['metrics', 'diff', 'HEAD~1', 'HEAD', '--json'], r.dir);
    assert.equal(diff.code, 0, diff.stderr);
    assert.deepEqual(JSON.parse(diff.stdout), { 'out/m.json': { acc: { old: 0.5, new: 0.75, diff: 0.25 } } });
  });
});

describe('a params.yaml with a repeated key is an error everywhere, as in DVC', () => {
  test('params diff, status and repro name params.yaml:line:column; dvc.lock is not written', async () => {
    const r = repo();
    r.commit('base', {
      'params.yaml': 'lr: 0.1\n',
      'dvc.yaml': "stages:\n  train:\n    cmd: node -e \"require('fs').writeFileSync('m.json', '{}')\"\n    params: [lr]\n    outs: [m.json]\n",
    });
    r.write({ 'params.yaml': 'lr: 0.1\nepochs: 3\nlr: 0.2\n' });
    const diff = await cli(['params', 'diff'], r.dir);
    assert.notEqual(diff.code, 0, diff.stdout);
    assert.match(diff.stderr, /params\.yaml:3:1: invalid YAML: .*(unique|duplicate|repeat)/i);
    // dvc.yaml's `${…}` context and the params diff both read params.yaml: one problem, said once.
    assert.equal(diff.stderr.split('\n').filter((line) => line.includes('params.yaml:3:1')).length, 1, diff.stderr);
    const out = tempDir();
    cleanup.push(out);
    await cli(['report', '--base', 'HEAD', '--out', out], r.dir);
    const listed = readFileSync(join(out, 'report.md'), 'utf8').split('### ❌ Project files that do not parse')[1]!.split('###')[0]!;
    assert.equal(listed.split('\n').filter((line) => line.includes('params.yaml:3:1')).length, 1, listed);
    for (const command of [['status'], ['repro']]) {
      const result = await cli(command, r.dir);
      assert.notEqual(result.code, 0, `${command[0]}: ${result.stdout}`);
      assert.match(result.stderr + result.stdout, /params\.yaml:3:1: invalid YAML/, command[0]);
      assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
    }
    assert.equal(existsSync(join(r.dir, 'dvc.lock')), false, 'nothing written to dvc.lock');
    assert.equal(existsSync(join(r.dir, 'm.json')), false, 'the stage did not run');
  });
});

describe("a dict unpacked into a cmd follows .dvc/config's [parsing] settings, as DVC does", () => {
  test('status finds the stage up to date against the dvc.lock DVC wrote; repro gives the script the arguments DVC gives it', async () => {
    const r = repo();
    const args = '--no-augment --layers 64 --layers 32';
    r.write({
      '.dvc/config': '[parsing]\n    bool = boolean_optional\n    list = append\n',
      'params.yaml': 'train:\n  augment: false\n  layers: [64, 32]\n  opts: {}\n',
      'w.js': "require('fs').writeFileSync('o.txt', process.argv.slice(2).join(' '))\n",
      'dvc.yaml': 'stages:\n  train:\n    cmd: node w.js ${train}\n    outs: [o.txt: {cache: false}]\n',
      'o.txt': args,
    });
    const md5 = md5sum(join(r.dir, 'o.txt'));
    // As `dvc repro` writes it with these settings (tests/func/parsing/test_interpolated_entry.py::test_cmd_dict).
    const lock = `schema: '2.0'\nstages:\n  train:\n    cmd: node w.js ${args}\n    outs:\n    - path: o.txt\n      hash: md5\n      md5: ${md5}\n      size: ${args.length}\n`;
    r.commit('pipeline', { 'dvc.lock': lock });
    const status = await cli(['status'], r.dir);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /Data and pipelines are up to date/, status.stdout);
    rmSync(join(r.dir, 'o.txt'));
    const repro = await cli(['repro'], r.dir);
    assert.equal(repro.code, 0, repro.stderr);
    assert.equal(readFileSync(join(r.dir, 'o.txt'), 'utf8'), args);
    assert.equal(readFileSync(join(r.dir, 'dvc.lock'), 'utf8'), lock);
  });
});

describe('plots read only inside the project', { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' }, () => {
  const SECRET_X = '7770001';
  const SECRET_Y = '9990002';

  function leakRepo(): { r: TempRepo; outside: string } {
    const r = repo();
    const outside = join(r.dir, '..', `outside-${basename(r.dir)}`);
    mkdirSync(outside, { recursive: true });
    cleanup.push(outside);
    writeFileSync(join(outside, 'data.csv'), `step,loss\n${SECRET_X},${SECRET_Y}\n${SECRET_X}1,${SECRET_Y}1\n`);
    r.write({ 'dvc.yaml': 'plots:\n  - leak.csv\n', 'metrics.json': '{"acc": 1}' });
    return { r, outside };
  }

  test('a committed leak.csv -> ../outside/data.csv is refused at the head and the base; its numbers appear nowhere', async () => {
    const { r, outside } = leakRepo();
    symlinkSync(`../${basename(outside)}/data.csv`, join(r.dir, 'leak.csv'));
    r.commit('base');
    r.commit('head', { 'metrics.json': '{"acc": 2}' });
    const out = tempDir();
    cleanup.push(out);
    const result = await cli(['report', '--base', 'HEAD~1', '--out', out, '--metrics', 'metrics.json'], r.dir);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const plot = json.plots.find((p: { id: string }) => p.id === 'leak.csv');
    assert.match(plot.error, /leak\.csv: a link to a file outside the project; not read/);
    assert.equal(plot.image, null);
    const everything = [readTree(out), result.stdout, result.stderr].join('\n');
    assert.ok(!everything.includes(SECRET_X) && !everything.includes(SECRET_Y), 'the outside numbers appear nowhere');
    const images = existsSync(join(out, 'plots')) ? readdirSync(join(out, 'plots')) : [];
    assert.ok(!images.some((f) => f.endsWith('.png')), 'no image drawn from it');
  });

  test('at the base alone: the link is refused with a note, the head is drawn without the outside numbers', async () => {
    const { r, outside } = leakRepo();
    symlinkSync(`../${basename(outside)}/data.csv`, join(r.dir, 'leak.csv'));
    r.commit('base');
    rmSync(join(r.dir, 'leak.csv'));
    r.commit('head', { 'leak.csv': 'step,loss\n1,0.5\n2,0.25\n' });
    const out = tempDir();
    cleanup.push(out);
    const result = await cli(['report', '--base', 'HEAD~1', '--out', out, '--metrics', 'metrics.json'], r.dir);
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const plot = json.plots.find((p: { id: string }) => p.id === 'leak.csv');
    assert.match(plot.notes.join('\n'), /leak\.csv: a link to .*outside the project/);
    assert.ok(plot.image, 'the head is drawn');
    const everything = [readTree(out), result.stdout, result.stderr].join('\n');
    assert.ok(!everything.includes(SECRET_X) && !everything.includes(SECRET_Y), 'the outside numbers appear nowhere');
  });
});

describe('git and DVC internals, and files that are not regular, are never read', () => {
  test(
    '.git in a subfolder, in any letter case, directly or through a symlink, is refused',
    { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
    async () => {
      const r = repo();
      r.commit('base', { 'dvc.yaml': 'metrics:\n  - ok.json\n', 'ok.json': '{"a": 1}' });
      // A nested repository's config, where a checkout keeps its token.
      mkdirSync(join(r.dir, 'sub', '.git'), { recursive: true });
      writeFileSync(join(r.dir, 'sub', '.git', 'config.json'), '{"token": 31337}');
      symlinkSync('sub/.git/config.json', join(r.dir, 'link.json'));
      writeFileSync(join(r.dir, 'dvc.yaml'), 'metrics:\n  - ok.json\n  - link.json\n  - sub/.git/config.json\n  - sub/.GIT/config.json\n');
      const result = await cli(['metrics', 'diff', '--json'], r.dir);
      assert.ok(!result.stdout.includes('31337') && !result.stderr.includes('31337'), result.stdout);
      assert.match(result.stderr, /link\.json: a link into \.git\/ or \.dvc\//);
      assert.match(result.stderr, /sub\/\.git\/config\.json: inside \.git\//);
      assert.match(result.stderr, /sub\/\.GIT\/config\.json: inside \.GIT\//);
    },
  );

  test('a FIFO listed as metrics is refused without waiting for a writer', { skip: process.platform === 'win32' && 'no mkfifo' }, async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - pipe.json\n  - ok.json\n', 'ok.json': '{"a": 1}' });
    execFileSync('mkfifo', [join(r.dir, 'pipe.json')]);
    const result = await cli(['metrics', 'diff', '--json'], r.dir, 20);
    assert.equal(result.timedOut, false, 'did not hang');
    assert.match(result.stderr, /pipe\.json: not a regular file/);
  });
});

describe('a folder where a project file should be is an error naming it, not a missing file', () => {
  const committed = (): TempRepo => {
    const r = repo();
    r.commit('base', {
      'dvc.yaml': 'stages:\n  train:\n    cmd: echo\n    params: [lr]\nmetrics:\n  - m.json\n',
      'params.yaml': 'lr: 0.1\n',
      'm.json': '{"acc": 0.8}',
    });
    return r;
  };
  const swap = (r: TempRepo, file: string): void => {
    rmSync(join(r.dir, file), { force: true });
    mkdirSync(join(r.dir, file));
  };

  test('dvc.yaml: status and metrics diff fail naming it; the report fails instead of showing its metrics removed', async () => {
    const r = committed();
    swap(r, 'dvc.yaml');
    const message = "dvc.yaml: a folder, not a file (expected DVC's pipeline file); not read";
    const status = await cli(['status'], r.dir);
    assert.equal(status.code, 2);
    assert.equal(status.stderr, `mlreport: ${message}\n`);
    const diff = await cli(['metrics', 'diff'], r.dir);
    assert.equal(diff.code, 1);
    assert.match(diff.stderr, new RegExp(`ERROR: ${message.replace(/[().]/g, '\\$&')}`));
    const out = tempDir();
    cleanup.push(out);
    const report = await cli(['report', '--base', 'HEAD', '--out', out], r.dir);
    assert.equal(report.code, 1);
    assert.match(readFileSync(join(out, 'report.md'), 'utf8'), /project files do not parse: dvc\.yaml: a folder, not a file/);
  });

  for (const [file, role, kind] of [
    ['dvc.lock', "DVC's lock file", 'metrics'],
    ['params.yaml', "DVC's default params file", 'params'],
  ] as const) {
    test(`${file}: status and ${kind} diff name it`, async () => {
      const r = committed();
      swap(r, file);
      const status = await cli(['status'], r.dir);
      assert.equal(status.code, 2);
      assert.equal(status.stderr, `mlreport: ${file}: a folder, not a file (expected ${role}); not read\n`);
      const diff = await cli([kind, 'diff'], r.dir);
      assert.equal(diff.code, 1);
      assert.match(diff.stderr, new RegExp(`ERROR: ${file.replace('.', '\\.')}: a folder, not a file`));
    });
  }

  test('.mlreport.yml: the report stops naming it', async () => {
    const r = committed();
    mkdirSync(join(r.dir, '.mlreport.yml'));
    const out = tempDir();
    cleanup.push(out);
    const report = await cli(['report', '--base', 'HEAD', '--out', out], r.dir);
    assert.equal(report.code, 2);
    assert.match(report.stderr, /\.mlreport\.yml: a folder, not a file \(expected mlreport's settings file\); not read/);
  });
});

describe('a YAML alias bomb is a clear error, not a crash', () => {
  test('params diff names the file and the alias; it ends quickly', async () => {
    const r = repo();
    r.commit('base', { 'params.yaml': 'lr: 0.1\n' });
    // Ten levels of ten aliases whose leaves are lists: 10^10 values once expanded.
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(join(r.dir, 'params.yaml'), `${levels.join('\n')}\n`);
    const result = await cli(['params', 'diff'], r.dir, 30);
    assert.equal(result.timedOut, false, 'did not run away');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /params\.yaml:\d+:\d+: invalid YAML: aliases expand to more than 1,000,000 values/);
    assert.doesNotMatch(result.stderr, /heap|RangeError|at .*\.js:\d+/);
  });
});

describe('a dvc.yaml that does not parse at the head', () => {
  test("is the report's first section (file:line:column) and makes report and metrics diff exit non-zero", async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - m.json\n', 'm.json': '{"acc": 1}' });
    r.write({ 'dvc.yaml': 'metrics:\n  - m.json\n  bad: [\n' });
    const out = tempDir();
    cleanup.push(out);
    const report = await cli(['report', '--base', 'HEAD', '--out', out, '--quiet'], r.dir);
    assert.notEqual(report.code, 0, report.stdout);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const firstSection = md.split('\n').find((l) => l.startsWith('### '));
    assert.match(firstSection ?? '', /do not parse/);
    assert.match(md.slice(md.indexOf(firstSection!)).split('\n### ')[0]!, /dvc\.yaml:\d+:\d+: invalid YAML: \S/);
    assert.match(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).projectErrors[0], /^dvc\.yaml:\d+:\d+: invalid YAML/);
    const diff = await cli(['metrics', 'diff'], r.dir);
    assert.notEqual(diff.code, 0, diff.stdout);
    assert.match(diff.stderr, /dvc\.yaml:\d+:\d+: invalid YAML/);
  });

  test('a dvc.lock that does not parse at the head: metrics diff names it and exits non-zero', async () => {
    const r = repo();
    r.commit('base', { 'dvc.yaml': 'metrics:\n  - m.json\n', 'm.json': '{"acc": 1}', 'dvc.lock': "schema: '2.0'\nstages: {}\n" });
    r.write({ 'dvc.lock': "schema: '2.0'\nstages:\n  a: {cmd: x}\n  a: {cmd: y}\n" });
    const diff = await cli(['metrics', 'diff'], r.dir);
    assert.notEqual(diff.code, 0, diff.stdout);
    assert.match(diff.stderr, /dvc\.lock:4:3: invalid YAML/);
  });
});

test('a .dvc file DVC does not collect (under a .gitignore or a .dvcignore) is not the project’s: it neither breaks nor collides; one DVC collects still does', async () => {
  const r = repo();
  r.commit('project', {
    'dvc.yaml': "stages:\n  prep:\n    cmd: node -e \"require('fs').writeFileSync('data/prep', 'p')\"\n    outs:\n    - data/prep\n",
    'data/.keep': '',
    '.gitignore': '.venv/\n',
    '.dvcignore': 'archive/\n',
    // A virtualenv's package with a broken test fixture, and an archived .dvc file naming the stage's output.
    '.venv/lib/pkg/tests/fixture.dvc': 'outs: [\n',
    'archive/old.dvc': 'outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: ../data/prep\n',
  });
  for (const args of [['status'], ['repro']]) {
    const out = await cli(args, r.dir);
    assert.equal(out.code, 0, `${args.join(' ')}: ${out.stdout}${out.stderr}`);
    assert.doesNotMatch(out.stdout + out.stderr, /fixture\.dvc|old\.dvc/);
  }
  // Not ignored, the same archived file is the project's, and DVC refuses the project: so do status and repro.
  writeFileSync(join(r.dir, '.dvcignore'), '');
  const refused = await cli(['status'], r.dir);
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /archive\/old\.dvc: output 'data\/prep' is already specified in stage 'prep' of dvc\.yaml/);
});

test('a .dvc file or dvc.yaml inside an output folder is not the project’s, as DVC does not walk into outputs: status and repro run', async () => {
  const r = repo();
  r.commit('project', {
    // The stage writes a folder that holds a copied project's own files (committed here), broken for this one.
    'dvc.yaml': 'stages:\n  vendor:\n    cmd: node vendor.js\n    deps:\n    - vendor.js\n    outs:\n    - vendor\n',
    'vendor.js': "const fs = require('fs');\nfs.mkdirSync('vendor/lib', { recursive: true });\nfs.writeFileSync('vendor/lib/x.txt', 'x');\n",
    'vendor/other.dvc': 'outs: [\n',
    'vendor/pipeline/dvc.yaml': 'stages:\n  inner:\n    cmd: echo\n    outs: [../../vendor]\n',
  });
  for (const args of [['repro'], ['status']]) {
    const out = await cli(args, r.dir);
    assert.equal(out.code, 0, `${args.join(' ')}: ${out.stdout}${out.stderr}`);
    assert.doesNotMatch(out.stdout + out.stderr, /other\.dvc|pipeline\/|inner/);
  }
  assert.equal(readFileSync(join(r.dir, 'vendor', 'lib', 'x.txt'), 'utf8'), 'x');
});

test("stages of two dvc.yaml files whose outputs overlap, or of one stage: status and repro refuse the project, naming both, as DVC's index does", async () => {
  const r = repo();
  r.commit('project', {
    'dvc.yaml': 'stages:\n  prepare:\n    cmd: echo a > data/a\n    outs:\n    - data\n',
    'train/dvc.yaml': 'stages:\n  split:\n    cmd: echo x > ../data/x\n    outs:\n    - ../data/x\n',
  });
  const said =
    /^mlreport: train\/dvc\.yaml: output 'data\/x' of stage 'split' and the output 'data' of stage 'prepare' of dvc\.yaml overlap, so they are in the same tracked directory \(DVC refuses such a project/m;
  for (const args of [['status'], ['repro']]) {
    const out = await cli(args, r.dir);
    assert.equal(out.code, 2, `${args.join(' ')}: ${out.stdout}${out.stderr}`);
    assert.match(out.stderr, said);
    assert.equal(out.stdout, '');
  }
  r.commit('one stage', {
    'dvc.yaml': 'stages:\n  prepare:\n    cmd: echo a > data/a\n    outs:\n    - data\n    metrics:\n    - data/metrics.json:\n        cache: false\n',
    'train/dvc.yaml': 'stages: {}\n',
  });
  for (const args of [['status'], ['repro']]) {
    const out = await cli(args, r.dir);
    assert.equal(out.code, 2, `${args.join(' ')}: ${out.stdout}${out.stderr}`);
    assert.match(
      out.stderr,
      /^mlreport: dvc\.yaml: stage 'prepare' lists the outputs 'data' and 'data\/metrics\.json', one inside the other: DVC refuses outputs that overlap/m,
    );
  }
  assert.ok(!existsSync(join(r.dir, 'data')), 'no stage ran');
});

test(
  'a stage output folder that is a link to a folder of the project: its metrics are read through it, and a .dvc file in a linked folder is collected once, where it is',
  { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
  async () => {
    const r = repo();
    r.commit('project', {
      'dvc.yaml': 'stages:\n  train:\n    cmd: node train.js\n    outs:\n    - models\nmetrics:\n- models\n',
      'train.js': "require('fs').writeFileSync('models/m.json', '{\"acc\": 0.5}');\n",
    });
    r.write({ 'runs/7/m.json': '{"acc": 0.75}', 'runs/7/w.dvc': 'outs:\n- md5: 0cc175b9c0f1b6a831c399e269772661\n  size: 1\n  hash: md5\n  path: w.bin\n' });
    symlinkSync(join('runs', '7'), join(r.dir, 'models'));
    symlinkSync(join('runs', '7'), join(r.dir, 'latest'));
    const diff = await cli(['metrics', 'diff', '--json'], r.dir);
    assert.equal(diff.code, 0, diff.stdout + diff.stderr);
    assert.deepEqual(JSON.parse(diff.stdout), { 'models/m.json': { acc: { old: null, new: 0.75 } } });
    // The .dvc file is runs/7/w.dvc alone: DVC's walk does not follow links (latest/w.dvc would track the same data twice).
    const status = await cli(['status', '--json'], r.dir);
    assert.equal(status.code, 0, status.stdout + status.stderr);
    assert.deepEqual(Object.keys(JSON.parse(status.stdout)).sort(), ['runs/7/w.dvc', 'train']);
    // Committed, the links are read through at that commit as in the workspace, and its .dvc file collected once there too.
    r.commit('the run');
    r.write({ 'runs/7/m.json': '{"acc": 1}' });
    const atCommit = await cli(['metrics', 'diff', 'HEAD', '--json'], r.dir);
    assert.equal(atCommit.code, 0, atCommit.stdout + atCommit.stderr);
    assert.equal(atCommit.stderr, '');
    assert.deepEqual(JSON.parse(atCommit.stdout), { 'models/m.json': { acc: { old: 0.75, new: 1, diff: 0.25 } } });
    // The commit's data is its .dvc file's alone, as the workspace's: latest/w.bin is tracked at neither.
    const data = await cli(['data', 'diff', 'HEAD', '--json'], r.dir);
    assert.deepEqual(JSON.parse(data.stdout), { added: [], deleted: [], modified: [], renamed: [], 'not in cache': [{ path: 'models' }] });
  },
);

test("a nested dvc.yaml's `../` output in a project without .dvc/ is inside the project: status names its stage", async () => {
  const r = repo();
  r.commit('project', {
    'sub/dvc.yaml': 'stages:\n  split:\n    cmd: node split.js\n    outs:\n    - ../data/x\n',
    'sub/split.js': "require('fs').mkdirSync('../data', { recursive: true });\nrequire('fs').writeFileSync('../data/x', 'x');\n",
  });
  const status = await cli(['status', '--json'], r.dir);
  assert.equal(status.code, 0, status.stdout + status.stderr);
  assert.deepEqual(JSON.parse(status.stdout), { 'sub/dvc.yaml:split': ['not in dvc.lock', 'out ../data/x: missing'] });
});
