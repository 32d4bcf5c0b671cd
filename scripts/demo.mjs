// The quick-start demo, on a project shaped like DVC's example-get-started (examples/get-started): its input
// data/data.xml is tracked by data/data.xml.dvc and lives in a DVC remote (a local directory here), the stages'
// outputs are git-ignored and cached. A developer runs the pipeline once and pushes; then CI, on fresh clones with
// an empty cache, restores the unchanged stages from the remote instead of re-running them, re-runs only what a
// pull request's params change affects, and reports base and head values of the cached metrics (eval/metrics.json).
// Everything happens in a temporary folder, removed at the end.
//
// MLREPORT_DEMO_CLI names the CLI bundle to run (the tests pass the one they built); default: dist/cli.js.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pythonEnvironment } from './python.mjs';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const cli = process.env.MLREPORT_DEMO_CLI ?? join(root, 'dist/cli.js');
if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

const python = pythonEnvironment();
process.on('exit', python.cleanup);

const temp = mkdtempSync(join(tmpdir(), 'mlreport-demo-'));
const keep = Boolean(process.env.MLREPORT_DEMO_KEEP);
// `url = ../../dvcstore` in the example's .dvc/config: relative to .dvc/, so a folder beside each clone.
const store = join(temp, 'dvcstore');
const developer = join(temp, 'project');

const step = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);
const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
/** Runs the CLI as a user would, printing what it prints. A non-zero exit (a broken gate) is shown, not thrown. */
function mlreport(cwd, ...args) {
  console.log(`$ mlreport ${args.join(' ')}`);
  try {
    execFileSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit', env: python.env });
  } catch (error) {
    if (typeof error.status !== 'number') throw error;
    console.log(`(exit code ${error.status})`);
  }
}
function freshClone(name, branch, from = developer) {
  const dir = join(temp, name);
  git(temp, 'clone', '-q', '--branch', branch, from, dir);
  return dir;
}

try {
  step(`A project like DVC's example-get-started, in ${developer}; its DVC remote 'storage' is ${store}`);
  cpSync(join(root, 'examples/get-started'), developer, { recursive: true });
  // The data was pushed to the remote earlier (`dvc add data/data.xml && dvc push`): it sits there by its md5 and
  // the project holds only data/data.xml.dvc.
  const data = readFileSync(join(root, 'examples/dataset-registry/get-started/data.xml'));
  const md5 = createHash('md5').update(data).digest('hex');
  if (!readFileSync(join(developer, 'data/data.xml.dvc'), 'utf8').includes(md5)) throw new Error('data/data.xml.dvc does not match the data');
  mkdirSync(join(store, 'files/md5', md5.slice(0, 2)), { recursive: true });
  writeFileSync(join(store, 'files/md5', md5.slice(0, 2), md5.slice(2)), data);
  git(temp, 'init', '-q', '-b', 'main', developer);
  for (const [key, value] of [
    ['user.name', 'Demo'],
    ['user.email', 'demo@example.com'],
    ['commit.gpgsign', 'false'],
  ])
    git(developer, 'config', key, value);
  git(developer, 'add', '-A');
  git(developer, 'commit', '-q', '-m', 'Pipeline: prepare → featurize → train → evaluate');

  step('The developer runs the pipeline: data/data.xml is pulled from the remote, every stage runs; then the outputs are pushed');
  mlreport(developer, 'repro');
  mlreport(developer, 'push');
  git(developer, 'add', '-A');
  git(developer, 'commit', '-q', '-m', 'Baseline: n_est 10');

  step('CI on main: a fresh clone with an empty cache. Nothing changed, so every stage is restored from the remote, none runs');
  const ciMain = freshClone('ci-main', 'main');
  mlreport(ciMain, 'repro');

  step('A pull request changes one param (train.n_est: 10 → 30) and nothing else');
  git(developer, 'checkout', '-q', '-b', 'more-trees');
  const params = join(developer, 'params.yaml');
  writeFileSync(params, readFileSync(params, 'utf8').replace('n_est: 10', 'n_est: 30'));
  git(developer, 'commit', '-q', '-am', 'More trees');

  step('CI on the pull request: a fresh clone. prepare and featurize are restored; only train and evaluate run');
  const ciPull = freshClone('ci-pull', 'more-trees');
  mlreport(ciPull, 'repro');

  step('The report: base values of the cached metrics read from the remote by the base dvc.lock, head values from the run');
  const out = join(ciPull, '.mlreport');
  mlreport(ciPull, 'report', '--base', 'origin/main', '--out', out, '--quiet');
  const report = readFileSync(join(out, 'report.md'), 'utf8');
  const plots = report.search(/^#+ Plots/m);
  console.log(`\n${(plots < 0 ? report : report.slice(0, plots)).trim()}\n`);

  step("With the new outputs pushed (the action's dvc-push input) and dvc.lock committed, the next clone has nothing to run");
  mlreport(ciPull, 'push');
  git(ciPull, 'commit', '-q', '-am', 'dvc.lock for n_est 30');
  mlreport(freshClone('ci-next', 'more-trees', ciPull), 'repro', '--dry');
  if (keep) console.log(`\nKept: the report at ${join(out, 'report.md')}, its plots in ${join(out, 'plots')}, the project in ${temp}`);
} finally {
  // MLREPORT_DEMO_KEEP=1 leaves the folder, to open the report and the PNGs it links.
  if (!keep) rmSync(temp, { recursive: true, force: true });
}
