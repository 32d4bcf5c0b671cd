// The iris demo (npm run demo:iris): makes a temporary git repository from examples/iris with two commits — a
// baseline, then a change of training params — running the pipeline for each, and reports on the change
// with the bundled CLI (dist/cli.js), as a pull request would be reviewed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pythonEnvironment } from './python.mjs';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
if (!existsSync(join(root, 'dist/cli.js'))) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
const cli = join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'mlreport-demo-'));
cpSync(join(root, 'examples/iris'), dir, { recursive: true });

const git = (...args) =>
  execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();
const step = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);

const python = pythonEnvironment();
process.on('exit', python.cleanup);

/** Reproduces the pipeline with mlreport's own runner: only the stages whose deps or params changed. */
function reproduce() {
  execFileSync(process.execPath, [cli, 'repro'], { cwd: dir, stdio: 'inherit', env: python.env });
}

step(`A project like examples/iris, in ${dir}`);
git('init', '-q', '-b', 'main');
git('config', 'user.name', 'Demo');
git('config', 'user.email', 'demo@example.com');
git('config', 'commit.gpgsign', 'false');
reproduce();
git('add', '-A');
git('commit', '-q', '-m', 'Baseline model');

step('A pull request: raise the learning rate and train longer');
const params = readFileSync(join(dir, 'params.yaml'), 'utf8');
writeFileSync(join(dir, 'params.yaml'), params.replace('epochs: 60', 'epochs: 100').replace('learning_rate: 0.05', 'learning_rate: 0.3'));
reproduce();
git('add', '-A');
git('commit', '-q', '-m', 'Tune learning rate and epochs');

step('mlreport report --base HEAD~1');
const out = join(dir, '.mlreport');
execFileSync(process.execPath, [cli, 'report', '--base', 'HEAD~1', '--out', out, '--quiet'], { cwd: dir, stdio: 'inherit' });
console.log(`\nThe report (as it would appear on the pull request): ${join(out, 'report.md')}\n`);
console.log(readFileSync(join(out, 'report.md'), 'utf8'));

step("A stricter gate: mlreport report --base HEAD~1 --threshold 'accuracy >= 0.9'");
const strictOut = join(dir, '.mlreport-strict');
try {
  execFileSync(process.execPath, [cli, 'report', '--base', 'HEAD~1', '--out', strictOut, '--quiet', '--threshold', 'accuracy >= 0.9'], {
    cwd: dir,
    stdio: 'inherit',
  });
} catch (error) {
  console.log(`exit code ${error.status}: the gate broke, so a workflow step would fail and the check run would say why.`);
}
const strict = readFileSync(join(strictOut, 'report.md'), 'utf8');
console.log(`\n${strict.slice(0, strict.indexOf('### Metrics')).trim()}\n`);
