import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runAction } from '../helpers/action';
import { runCli } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';
import { DvcHttpServer } from '../fakes/dvc-http/server';
import { md5sum, placeByMd5sum, temp } from '../dvc/data/helpers';

const DVC_YAML = `stages:
  prepare:
    cmd: echo prepare >> "$STAGE_LOG" && mkdir -p data/prepared && cp data/data.xml data/prepared/train.tsv
    deps:
    - data/data.xml
    params:
    - prepare.split
    outs:
    - data/prepared
  train:
    cmd: echo train >> "$STAGE_LOG" && cat data/prepared/train.tsv params.yaml > model.pkl
    deps:
    - data/prepared
    params:
    - train.n_est
    outs:
    - model.pkl
  evaluate:
    cmd: sh evaluate.sh
    deps:
    - model.pkl
    - evaluate.sh
    outs:
    - eval
metrics:
- eval/metrics.json
`;

/**
 * A project shaped like DVC's example-get-started: data/data.xml tracked by data/data.xml.dvc with its object
 * placed by md5sum in a local-directory remote given by a relative URL; prepare → train → evaluate with a
 * directory out `eval/`; dvc.lock committed, outs git-ignored. `mlreport push` sends the stages' outputs.
 */
function exampleProject(): { repo: TempRepo; store: string; log: string; env: NodeJS.ProcessEnv; dataOid: string } {
  const repo = new TempRepo('mlreport-getstarted-');
  const store = `${repo.dir}-store`;
  const none = temp();
  const log = join(temp(), 'stages.log');
  const env = { ...process.env, STAGE_LOG: log, DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none };
  repo.write({
    '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ../../${basename(store)}\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'data/data.xml': '<posts>\n<row Id="1"/>\n<row Id="2"/>\n</posts>\n',
    'data/.gitignore': '/data.xml\n/prepared\n',
    '.gitignore': '/model.pkl\n/eval\n',
    'params.yaml': 'prepare:\n  split: 0.2\ntrain:\n  n_est: 50\n',
    'dvc.yaml': DVC_YAML,
    'evaluate.sh': `echo evaluate >> "$STAGE_LOG"\nmkdir -p eval\nprintf '{"lines": %s, "bytes": %s}' "$(wc -l < model.pkl)" "$(wc -c < model.pkl)" > eval/metrics.json\n`,
  });
  const dataOid = placeByMd5sum(store, join(repo.dir, 'data', 'data.xml'));
  repo.write({ 'data/data.xml.dvc': `outs:\n- md5: ${dataOid}\n  size: 40\n  hash: md5\n  path: data.xml\n` });
  return { repo, store, log, env, dataOid };
}

function clone(repo: TempRepo): string {
  const dir = temp('mlreport-clone-');
  execFileSync('git', ['clone', '-q', repo.dir, dir]);
  return dir;
}

const ran = (log: string): string[] => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

/**
 * An exampleProject for the tests of one describe, removed after them with its remote, the clones `freshClone` makes
 * and what else is put in `cleanup`.
 */
function suiteProject(): ReturnType<typeof exampleProject> & { cleanup: string[]; freshClone: () => string } {
  const project = exampleProject();
  const cleanup: string[] = [project.repo.dir, project.store];
  after(() => {
    for (const d of cleanup) rmSync(d, { recursive: true, force: true });
  });
  const freshClone = (): string => {
    const dir = clone(project.repo);
    cleanup.push(dir);
    return dir;
  };
  return { ...project, cleanup, freshClone };
}

/** Runs the project's pipeline, pushes its outputs and commits them as `message`: the commit's SHA. */
async function reproPushCommit({ repo, env }: { repo: TempRepo; env: NodeJS.ProcessEnv }, message: string): Promise<string> {
  assert.equal((await runCli(['repro'], repo.dir, env)).code, 0);
  assert.equal((await runCli(['push'], repo.dir, env)).code, 0);
  return repo.commit(message);
}

/** A clone's `.dvc/config.local` giving the remote `storage` another url, as a user's machine may. */
function storageAt(dir: string, url: string): void {
  writeFileSync(join(dir, '.dvc', 'config.local'), `['remote "storage"']\n    url = ${url}\n`);
}

/** The action run on a workflow_dispatch of `sha` in the clone `dir`, with the project's stage log and DVC config alone. */
function dispatch(
  dir: string,
  sha: string,
  inputs: Record<string, string>,
  { log, env }: { log: string; env: NodeJS.ProcessEnv },
): ReturnType<typeof runAction> {
  return runAction({
    workspace: dir,
    eventName: 'workflow_dispatch',
    event: {},
    sha,
    inputs,
    env: { STAGE_LOG: log, DVC_GLOBAL_CONFIG_DIR: env.DVC_GLOBAL_CONFIG_DIR!, DVC_SYSTEM_CONFIG_DIR: env.DVC_SYSTEM_CONFIG_DIR! },
  });
}

describe('repro = dvc repro --pull (dist/cli.js) on an example-get-started-shaped project', () => {
  const { repo, store, log, env, dataOid, cleanup, freshClone } = suiteProject();

  test('the first run runs every stage and saves their outs to the cache', async () => {
    const r = await runCli(['repro'], repo.dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate']);
    const pushed = await runCli(['push'], repo.dir, env);
    assert.equal(pushed.code, 0, pushed.stderr);
    // Uploaded: data/prepared's .dir, model.pkl, eval's .dir and eval/metrics.json. Already there: data.xml, whose
    // object data/prepared/train.tsv (a copy of it) is too: one object, asked about once.
    assert.match(pushed.stdout, /^4 object\(s\) uploaded .*, 1 already on the remote/m);
    // Again: every one of those 5 objects is there, counted as objects (a .dir on the remote counts its entries too).
    const again = await runCli(['push'], repo.dir, env);
    assert.match(again.stdout, /^0 object\(s\) uploaded .*, 5 already on the remote/m);
    repo.commit('pipeline');
    rmSync(log);
  });

  test('a fresh clone: --dry and status say what would be restored; repro pulls data.xml and restores every stage without running it', async () => {
    const dir = freshClone();
    assert.ok(!existsSync(join(dir, 'data', 'data.xml')) && !existsSync(join(dir, 'eval')));
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^prepare: restore from remote 'storage'$/m);
    assert.match(dry.stdout, /^evaluate: restore from remote 'storage'$/m);
    const status = await runCli(['status'], dir, env);
    assert.match(status.stdout, /^train: restore from remote 'storage'$/m);
    assert.ok(!existsSync(join(dir, 'data', 'data.xml')), 'dry and status change nothing');

    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(ran(log), [], 'no stage command ran');
    assert.match(r.stdout, /^prepare: restored from remote 'storage'$/m);
    assert.match(r.stdout, /^evaluate: restored from remote 'storage'$/m);
    assert.equal(readFileSync(join(dir, 'data', 'data.xml'), 'utf8'), readFileSync(join(repo.dir, 'data', 'data.xml'), 'utf8'));
    assert.equal(readFileSync(join(dir, 'eval', 'metrics.json'), 'utf8'), readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8'));
    assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '', 'dvc.lock unchanged');
    const again = await runCli(['status'], dir, env);
    assert.match(again.stdout, /up to date/);

    // A params change re-runs only the stages it affects.
    writeFileSync(join(dir, 'params.yaml'), 'prepare:\n  split: 0.2\ntrain:\n  n_est: 100\n');
    const changed = await runCli(['repro'], dir, env);
    assert.equal(changed.code, 0, changed.stderr + changed.stdout);
    assert.deepEqual(ran(log), ['train', 'evaluate']);
    rmSync(log);
  });

  test('pull, like dvc pull, checks out the stage outputs dvc.lock records as well as .dvc-tracked data; targets name them by path or stage', async () => {
    const dir = freshClone();
    const one = await runCli(['pull', 'model.pkl'], dir, env);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.split('\n')[0], 'A\tmodel.pkl');
    assert.ok(!existsSync(join(dir, 'eval')) && !existsSync(join(dir, 'data', 'data.xml')), 'only the target');
    const stage = await runCli(['pull', 'dvc.yaml:evaluate'], dir, env);
    assert.equal(stage.code, 0, stage.stderr);
    assert.match(stage.stdout, /^A\teval$/m);
    const all = await runCli(['pull'], dir, env);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^A\tdata\/data\.xml$/m);
    assert.match(all.stdout, /^A\tdata\/prepared$/m);
    for (const p of ['model.pkl', 'eval/metrics.json', 'data/prepared/train.tsv'])
      assert.equal(readFileSync(join(dir, p), 'utf8'), readFileSync(join(repo.dir, p), 'utf8'), p);
    const status = await runCli(['status'], dir, env);
    assert.match(status.stdout, /up to date/, status.stdout);
    const push = await runCli(['push', 'model.pkl'], dir, env);
    assert.equal(push.code, 0, push.stderr);
    assert.match(push.stdout, /^0 object\(s\) uploaded/m);
    const unknown = await runCli(['pull', 'nothing.pkl'], dir, env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no \.dvc-tracked output or dvc\.lock stage output matches nothing\.pkl/);
    assert.deepEqual(ran(log), []);
  });

  test('push names each output in neither the cache nor the remote (a corrupt cache object, one gone), as dvc push warns; repro puts them back in the cache and the next push sends them', async () => {
    const dir = freshClone();
    const empty = temp();
    cleanup.push(empty);
    assert.equal((await runCli(['pull'], dir, env)).code, 0);
    const object = (md5: string): string => join(dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
    const model = md5sum(join(dir, 'model.pkl'));
    // Damaged by some tool: writable, so it is hashed before use and removed as corrupt.
    chmodSync(object(model), 0o644);
    writeFileSync(object(model), 'corrupted\n');
    const evalOid = /path: eval\n\s+hash: md5\n\s+md5: ([0-9a-f]{32}\.dir)/.exec(readFileSync(join(dir, 'dvc.lock'), 'utf8'))?.[1];
    assert.ok(evalOid);
    rmSync(object(evalOid));
    storageAt(dir, empty);
    const pushed = await runCli(['push'], dir, env);
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.match(
      pushed.stdout,
      /^\d+ object\(s\) uploaded .*, 0 already on the remote, 2 not pushed \(in neither the cache nor the remote: model\.pkl, eval\)$/m,
    );
    // The corrupt one is named so: push removed it, it was not missing before.
    for (const [path, oid, stage, where] of [
      ['model.pkl', model, 'train', "was corrupt in the DVC cache \\(its bytes not its md5; removed there\\) and is not on remote 'storage'"],
      ['eval', evalOid, 'evaluate', "is in neither the DVC cache nor remote 'storage'"],
    ] as const)
      assert.match(
        pushed.stderr,
        new RegExp(
          `^warning: ${path.replace('.', '\\.')}: object ${oid.replace('.', '\\.')} ${where}, so it was not pushed \\(\`mlreport repro\` saves it to the cache from the workspace .*stage '${stage}'; then push again\\)\\.$`,
          'm',
        ),
      );
    assert.ok(!existsSync(join(empty, 'files', 'md5', model.slice(0, 2), model.slice(2))));
    // The workspace holds them as dvc.lock records them: repro saves them to the cache without running anything.
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(ran(log), []);
    const again = await runCli(['push'], dir, env);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stdout + again.stderr, /not pushed/);
    assert.equal(readFileSync(join(empty, 'files', 'md5', model.slice(0, 2), model.slice(2)), 'utf8'), readFileSync(join(dir, 'model.pkl'), 'utf8'));
    assert.ok(existsSync(join(empty, 'files', 'md5', evalOid.slice(0, 2), evalOid.slice(2))));
  });

  test('only a restorable out or .dvc-tracked dep missing: --dry, status and the report predict what repro does (restore, pull, skip)', async () => {
    const dir = freshClone();
    assert.equal((await runCli(['repro'], dir, env)).code, 0);
    // model.pkl gone: train's out comes back from the cache, evaluate then has its dep as dvc.lock records it.
    rmSync(join(dir, 'model.pkl'));
    let dry = await runCli(['repro', '--dry'], dir, env);
    assert.equal(dry.stdout, 'prepare: skipped\ntrain: restore from the cache\nevaluate: skipped\n');
    let status = await runCli(['status'], dir, env);
    assert.equal(status.stdout, 'train: restore from the cache\n\tout model.pkl: missing\n');
    let r = await runCli(['repro'], dir, env);
    assert.equal(r.stdout, 'prepare: skipped\ntrain: restored from the cache\nevaluate: skipped\n');
    // data/data.xml gone: it is pulled (DVC's repro --pull), and prepare's dep is then what dvc.lock records.
    rmSync(join(dir, 'data', 'data.xml'));
    dry = await runCli(['repro', '--dry'], dir, env);
    assert.equal(dry.stdout, 'prepare: skipped\ntrain: skipped\nevaluate: skipped\n');
    assert.match(dry.stderr, /^Would pull 'data\/data\.xml' \(data\/data\.xml\.dvc\) from the cache\.$/m);
    status = await runCli(['status'], dir, env);
    assert.equal(status.stdout, 'data/data.xml.dvc: pull from the cache\n\tout data/data.xml: missing\n');
    const report = await runCli(['report', '--base', 'HEAD', '--quiet'], dir, env);
    assert.equal(report.code, 0, report.stderr);
    assert.doesNotMatch(readFileSync(join(dir, '.mlreport', 'report.md'), 'utf8'), /out of date/);
    r = await runCli(['repro'], dir, env);
    assert.equal(r.stdout, 'prepare: skipped\ntrain: skipped\nevaluate: skipped\n');
    assert.deepEqual(ran(log), [], 'no stage command ran');
  });

  test('data/data.xml a `dvc import` (example-get-started): a fresh clone restores every stage without it, as dvc repro --pull does; a stage that has to run still needs it', async () => {
    // DVC's Stage._changed_deps(allow_missing=True): a deleted dep whose source records the hash dvc.lock records is
    // no reason to run, so the stage is pulled from the remote instead (Stage.reproduce: `not self.changed(True, upstream) and pull`).
    const importDvc = `md5: f5ea021eddd7b1df6de80b904cba1da6\nfrozen: true\ndeps:\n- path: get-started/data.xml\n  repo:\n    url: https://github.com/iterative/dataset-registry\n    rev_lock: f59388cd04276e75d70b2136597aaa27e7937cc3\nouts:\n- md5: ${dataOid}\n  size: 40\n  hash: md5\n  path: data.xml\n`;
    const imported = (): string => {
      const dir = freshClone();
      writeFileSync(join(dir, 'data', 'data.xml.dvc'), importDvc);
      return dir;
    };
    const dir = imported();
    const status = await runCli(['status'], dir, env);
    assert.match(status.stdout, /^prepare: restore from remote 'storage'\n\tout data\/prepared: missing$/m);
    assert.match(status.stdout, /^data\/data\.xml\.dvc: cannot pull: data\/data\.xml is imported by data\/data\.xml\.dvc/m);
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.equal(dry.stdout, "prepare: restore from remote 'storage'\ntrain: restore from remote 'storage'\nevaluate: restore from remote 'storage'\n");
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.stdout, "prepare: restored from remote 'storage'\ntrain: restored from remote 'storage'\nevaluate: restored from remote 'storage'\n");
    assert.match(
      r.stderr,
      /'data\/data\.xml' is tracked by data\/data\.xml\.dvc but cannot be pulled: .*\. No stage that reads it had to run: they were restored or skipped without it\./,
    );
    assert.equal(readFileSync(join(dir, 'eval', 'metrics.json'), 'utf8'), readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8'));
    assert.deepEqual(ran(log), [], 'no stage command ran');

    // With its outs in the workspace and the import still missing (here: gone from the cache too), prepare is up to date.
    rmSync(join(dir, '.dvc', 'cache'), { recursive: true });
    rmSync(join(dir, 'data', 'data.xml'), { force: true });
    const skipped = await runCli(['repro'], dir, env);
    assert.equal(skipped.code, 0, skipped.stderr + skipped.stdout);
    assert.match(skipped.stdout, /^prepare: skipped/m);
    assert.ok(!existsSync(join(dir, 'data', 'data.xml')));
    assert.deepEqual(ran(log), [], 'no stage command ran');

    // train's params changed: prepare is restored without the import, train and evaluate run on its outs.
    const trainChanged = imported();
    writeFileSync(join(trainChanged, 'params.yaml'), 'prepare:\n  split: 0.2\ntrain:\n  n_est: 70\n');
    const ranTrain = await runCli(['repro'], trainChanged, env);
    assert.equal(ranTrain.code, 0, ranTrain.stderr + ranTrain.stdout);
    assert.match(ranTrain.stdout, /^prepare: restored from remote 'storage'$/m);
    assert.deepEqual(ran(log), ['train', 'evaluate']);
    rmSync(log);

    // prepare's own params changed: it has to run, and needs the import, which DVC alone can fetch: the error stays.
    const prepareChanged = imported();
    writeFileSync(join(prepareChanged, 'params.yaml'), 'prepare:\n  split: 0.3\ntrain:\n  n_est: 50\n');
    const failed = await runCli(['repro'], prepareChanged, env);
    assert.equal(failed.code, 1);
    assert.match(
      failed.stdout,
      /^prepare: failed [0-9.]+s \('data\/data\.xml' is tracked by data\/data\.xml\.dvc but cannot be pulled: data\/data\.xml is imported by data\/data\.xml\.dvc/m,
    );
    assert.match(failed.stdout, /^train: not-run \(upstream stage 'prepare' failed\)$/m);
    assert.doesNotMatch(failed.stderr, /No stage that reads it had to run/);
    assert.deepEqual(ran(log), []);

    // A remote that is not where .dvc/config says (a relative url from another folder): the restore's failure is named
    // first, as the fix, before the import that would then be needed.
    const lost = imported();
    storageAt(lost, join(temp(), 'nowhere'));
    for (const [args, stream] of [
      [['repro'], 'stdout'],
      [['status'], 'stdout'],
      [['repro', '--dry'], 'stdout'],
    ] as const) {
      const out = (await runCli([...args], lost, env))[stream];
      assert.match(
        out,
        /^prepare: .*cannot restore: data\/prepared: object [0-9a-f]{32}\.dir missing from remote 'storage', and it cannot run: 'data\/data\.xml' is tracked by data\/data\.xml\.dvc but cannot be pulled/m,
        `${args.join(' ')}: ${out}`,
      );
    }
    assert.deepEqual(ran(log), []);
  });

  test('a fresh clone whose .dvc file records other data than dvc.lock: the stage reading it is "dep modified", not "missing" (DVC: deleted dep, upstream out of another hash)', async () => {
    const dir = freshClone();
    const other = join(temp(), 'data.xml');
    writeFileSync(other, '<posts>\n<row Id="7"/>\n</posts>\n');
    const md5 = placeByMd5sum(store, other);
    writeFileSync(join(dir, 'data', 'data.xml.dvc'), `outs:\n- md5: ${md5}\n  size: 29\n  hash: md5\n  path: data.xml\n`);
    const status = await runCli(['status'], dir, env);
    assert.match(status.stdout, /^prepare: run\n\tdep data\/data\.xml: modified\n\tout data\/prepared: missing$/m);
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.match(dry.stdout, /^prepare: would run \(dep data\/data\.xml: modified; out data\/prepared: missing\)$/m);
    const report = await runCli(['report', '--base', 'HEAD', '--quiet'], dir, env);
    assert.equal(report.code, 0, report.stderr);
    assert.match(readFileSync(join(dir, '.mlreport', 'report.md'), 'utf8'), /dep data\/data\.xml: modified/);
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^prepare: ran [0-9.]+s \(dep data\/data\.xml: modified/m);
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate']);
    rmSync(log);
  });

  test(".dvc-tracked data present but different is the user's change: not pulled over; the stages using it run; the .dvc file stays", async () => {
    const dir = freshClone();
    mkdirSync(join(dir, 'data'), { recursive: true });
    const mine = '<posts>\n<row Id="9"/>\n</posts>\n';
    writeFileSync(join(dir, 'data', 'data.xml'), mine);
    const dvcFile = readFileSync(join(dir, 'data', 'data.xml.dvc'), 'utf8');
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^prepare: ran .*dep data\/data\.xml: modified/m);
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate']);
    assert.equal(readFileSync(join(dir, 'data', 'data.xml'), 'utf8'), mine);
    assert.equal(readFileSync(join(dir, 'data', 'prepared', 'train.tsv'), 'utf8'), mine);
    assert.equal(readFileSync(join(dir, 'data', 'data.xml.dvc'), 'utf8'), dvcFile);
    // Not silently: the stale .dvc file is named, with what would record the change (DVC; mlreport has no command).
    assert.match(
      r.stderr,
      /warning: data\/data\.xml is not what data\/data\.xml\.dvc records: the stages that read it run on the changed data, but data\/data\.xml\.dvc is left as it is \(`dvc repro` would re-save it; mlreport has no command that does\)\. Record the change with DVC \(`dvc commit data\/data\.xml\.dvc`, or `dvc add data\/data\.xml`\) and commit data\/data\.xml\.dvc/,
    );
    rmSync(log);
    // Data as its .dvc file records it: nothing to say.
    const clean = freshClone();
    const quiet = await runCli(['repro'], clean, env);
    assert.equal(quiet.code, 0, quiet.stderr + quiet.stdout);
    assert.doesNotMatch(quiet.stderr, /not what .* records/);
    rmSync(log, { force: true });
  });

  test('a corrupt object in .dvc/cache (not read-only) is not checked out: it is hashed, dropped and restored from the remote', async () => {
    const dir = freshClone();
    assert.equal((await runCli(['repro'], dir, env)).code, 0);
    const lock = readFileSync(join(dir, 'dvc.lock'), 'utf8');
    const md5 = /path: model\.pkl\n\s+hash: md5\n\s+md5: ([0-9a-f]{32})/.exec(lock)?.[1];
    assert.ok(md5, lock);
    const object = join(dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
    chmodSync(object, 0o644);
    writeFileSync(object, 'corrupted\n');
    rmSync(join(dir, 'model.pkl'));
    try {
      const r = await runCli(['repro'], dir, env);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      assert.match(r.stdout, /^train: restored from remote 'storage'$/m);
      assert.deepEqual(ran(log), []);
      assert.equal(readFileSync(join(dir, 'model.pkl'), 'utf8'), readFileSync(join(repo.dir, 'model.pkl'), 'utf8'));
    } finally {
      rmSync(log, { force: true });
    }
  });

  test("outs in the workspace whose objects the cache lacks: status says 'not in cache' as dvc status does; repro saves them from the workspace, running nothing", async () => {
    const dir = freshClone();
    assert.equal((await runCli(['repro'], dir, env)).code, 0);
    rmSync(log, { force: true });
    const object = (md5: string): string => join(dir, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
    // model.pkl's object, one file of the directory out eval/, and data.xml's (tracked by data/data.xml.dvc).
    for (const file of ['model.pkl', 'eval/metrics.json', 'data/data.xml']) rmSync(object(md5sum(join(dir, file))));
    const status = await runCli(['status'], dir, env);
    assert.equal(status.code, 0, status.stderr);
    // DVC (dvc/output.py Output.status): "not in cache" when the cache lacks the object (for a directory, its .dir or a file of it).
    assert.equal(
      status.stdout,
      [
        // data/prepared/train.tsv is a copy of data.xml: one object, gone from both.
        'prepare: save to the cache',
        '\tout data/prepared: not in cache',
        'train: save to the cache',
        '\tout model.pkl: not in cache',
        'evaluate: save to the cache',
        '\tout eval: not in cache',
        "data/data.xml.dvc: pull from remote 'storage'",
        '\tout data/data.xml: not in cache',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await runCli(['status', '--json'], dir, env)).stdout) as Record<string, string[]>;
    assert.deepEqual(json.train, ['out model.pkl: not in cache']);
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.match(dry.stdout, /^train: skipped \(save to the cache; out model\.pkl: not in cache\)$/m);
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^train: skipped \(saved to the cache; out model\.pkl: not in cache\)$/m);
    assert.match(r.stdout, /^evaluate: skipped \(saved to the cache; out eval: not in cache\)$/m);
    assert.deepEqual(ran(log), [], 'nothing ran');
    assert.ok(existsSync(object(md5sum(join(dir, 'model.pkl')))) && existsSync(object(md5sum(join(dir, 'eval', 'metrics.json')))));
    // data.xml's object came back with data/prepared's copy of it.
    assert.equal((await runCli(['status'], dir, env)).stdout, 'Data and pipelines are up to date.\n');
    // An output as dvc.lock records it is the run's, cached or not: the report does not call its stage out of date.
    rmSync(object(md5sum(join(dir, 'model.pkl'))));
    const report = await runCli(['report', '--base', 'HEAD', '--out', temp()], dir, env);
    assert.equal(report.code, 0, report.stderr);
    assert.doesNotMatch(report.stdout, /out of date/);
  });

  test('--no-pull runs what is missing as before, and saves the outputs to the cache', async () => {
    const dir = freshClone();
    mkdirSync(join(dir, 'data'), { recursive: true });
    cpSync(join(repo.dir, 'data', 'data.xml'), join(dir, 'data', 'data.xml'));
    const r = await runCli(['repro', '--no-pull'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate']);
    rmSync(log);
    // Pulls and restores are off, not the cache: the outputs are saved there as dvc repro commits them.
    const model = md5sum(join(dir, 'model.pkl'));
    assert.ok(existsSync(join(dir, '.dvc', 'cache', 'files', 'md5', model.slice(0, 2), model.slice(2))));
    assert.equal((await runCli(['status'], dir, env)).stdout, 'Data and pipelines are up to date.\n');
  });

  test('data missing from the remote: the error names the .dvc file, the object and the remote; an out missing means "cannot restore" and the stage runs', async () => {
    const empty = temp();
    const dir = freshClone();
    cleanup.push(empty);
    storageAt(dir, empty);
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.match(
      dry.stdout,
      new RegExp(
        `^prepare: would run \\(cannot restore: data/prepared: object [0-9a-f]{32}\\.dir missing from remote 'storage', and it cannot run: 'data/data.xml' is tracked by data/data.xml.dvc .*object ${dataOid} missing from remote 'storage'`,
        'm',
      ),
    );
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      new RegExp(
        `^prepare: failed [0-9.]+s \\(cannot restore: data/prepared: object [0-9a-f]{32}\\.dir missing from remote 'storage', and it cannot run: 'data/data.xml' is tracked by data/data.xml.dvc .*object ${dataOid} missing from remote 'storage'\\)`,
        'm',
      ),
    );
    assert.doesNotMatch(r.stdout + r.stderr, /does not exist/);

    // With the data there but the stages' objects gone, they run (saying why) instead of failing.
    placeByMd5sum(empty, join(repo.dir, 'data', 'data.xml'));
    const run = await runCli(['repro'], dir, env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^prepare: ran .*cannot restore: data\/prepared: object [0-9a-f]{32}\.dir missing from remote 'storage'/m);
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate']);
    rmSync(log);
  });
});

describe('cached metrics at both revisions (dist/cli.js): eval/metrics.json inside the directory out eval/', () => {
  const { repo, store, log, env, cleanup, freshClone } = suiteProject();
  const push = async (): Promise<void> => assert.equal((await runCli(['push'], repo.dir, env)).code, 0);

  test('a fresh clone without the outputs: report --base HEAD~1 shows the base and the head values, read from the remote', async () => {
    assert.equal((await runCli(['repro'], repo.dir, env)).code, 0);
    await push();
    repo.commit('n_est 50');
    const before = JSON.parse(readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8')) as { bytes: number };
    repo.write({ 'params.yaml': 'prepare:\n  split: 0.2\ntrain:\n  n_est: 1000\n' });
    assert.equal((await runCli(['repro'], repo.dir, env)).code, 0);
    await push();
    repo.commit('n_est 1000');
    const now = JSON.parse(readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8')) as { bytes: number };
    assert.equal(now.bytes, before.bytes + 2);

    const dir = freshClone();
    const out = join(temp(), 'out');
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, new RegExp(`eval/metrics.json\\S* \\| bytes \\| ${before.bytes} \\| ${now.bytes} \\|`));
    assert.ok(!existsSync(join(dir, 'eval')), 'the workspace is not changed');

    const diff = await runCli(['metrics', 'diff', 'HEAD~1', '--json'], dir, env);
    assert.equal(diff.code, 0, diff.stderr);
    assert.deepEqual(JSON.parse(diff.stdout), { 'eval/metrics.json': { bytes: { old: before.bytes, new: now.bytes, diff: 2 } } });
    assert.deepEqual(ran(log), ['prepare', 'train', 'evaluate', 'train', 'evaluate'], 'the report ran nothing');
  });

  test("the base's objects gone from the remote: the report says which object and which remote", async () => {
    const dir = freshClone();
    const empty = temp();
    cleanup.push(empty);
    // Only the head's objects: the cache of a run at the head, pushed to a new remote.
    cpSync(join(store, 'files'), join(empty, 'files'), { recursive: true });
    const baseLock = execFileSync('git', ['show', 'HEAD~1:dvc.lock'], { cwd: dir, encoding: 'utf8' });
    const evalOid = /path: eval\n\s+hash: md5\n\s+md5: ([0-9a-f]{32}\.dir)|md5: ([0-9a-f]{32}\.dir)\n\s+size: \d+\n\s+nfiles: \d+\n\s+path: eval/.exec(
      baseLock,
    );
    const oid = (evalOid?.[1] ?? evalOid?.[2])!;
    assert.ok(oid, baseLock);
    rmSync(join(empty, 'files', 'md5', oid.slice(0, 2), oid.slice(2)));
    storageAt(dir, empty);
    const out = join(temp(), 'out');
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    assert.match(md, new RegExp(`eval/metrics.json.*cannot be read: eval: object ${oid.replace('.', '\\.')} missing from remote 'storage'`));
  });
});

describe("cached metrics at the base come from the remote the base's .dvc/config names (dist/cli.js)", () => {
  const project = suiteProject();
  const { repo, env, cleanup, freshClone } = project;
  const moved = `${repo.dir}-moved`;
  cleanup.push(moved);

  test('the remote moved between base and head: base values are read from the old remote, head values from the new one', async () => {
    await reproPushCommit(project, 'n_est 50, data in the first remote');
    const before = JSON.parse(readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8')) as { bytes: number };
    repo.write({
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ../../${basename(moved)}\n`,
      'params.yaml': 'prepare:\n  split: 0.2\ntrain:\n  n_est: 1000\n',
    });
    assert.equal((await runCli(['repro'], repo.dir, env)).code, 0);
    const pushed = await runCli(['push'], repo.dir, env);
    assert.equal(pushed.code, 0, pushed.stderr);
    repo.commit('n_est 1000, data in a new remote');
    const now = JSON.parse(readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8')) as { bytes: number };

    const dir = freshClone();
    const diff = await runCli(['metrics', 'diff', 'HEAD~1', '--json'], dir, env);
    assert.equal(diff.code, 0, diff.stderr);
    assert.deepEqual(JSON.parse(diff.stdout), { 'eval/metrics.json': { bytes: { old: before.bytes, new: now.bytes, diff: 2 } } });

    // The workspace's config.local still shadows the base's repo level, as in DVC: here it points both at an empty folder.
    const empty = temp();
    cleanup.push(empty);
    storageAt(dir, empty);
    const out = join(temp(), 'out');
    const r = await runCli(['report', '--base', 'HEAD~1', '--out', out, '--quiet'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(
      readFileSync(join(out, 'report.md'), 'utf8'),
      /eval\/metrics\.json.*not in git at HEAD\\?~1.*cannot be read: eval: object [0-9a-f]{32}\.dir missing from remote 'storage'/,
    );
  });
});

describe('the action (dist/index.js) with the default repro: auto and dvc-push: true', () => {
  const project = suiteProject();
  const { repo, log, freshClone } = project;

  test('a fresh clone with changed params restores prepare, runs train and evaluate, pushes their outputs; the next run restores everything', async () => {
    await reproPushCommit(project, 'pipeline');
    const sha = repo.commit('more trees', { 'params.yaml': 'prepare:\n  split: 0.2\ntrain:\n  n_est: 200\n' });
    rmSync(log);
    const dir = freshClone();
    const action = (): ReturnType<typeof runAction> => dispatch(dir, sha, { 'dvc-push': 'true', comment: 'off' }, project);
    const first = await action();
    assert.deepEqual(ran(log), ['train', 'evaluate'], first.stdout);
    // model.pkl, eval's .dir and eval/metrics.json; data.xml and data/prepared (its .dir vouching for its entries) were there.
    assert.match(first.stdout, /dvc push: 3 object\(s\) uploaded, 2 already on the remote/);
    assert.match(first.summary, /prepare.*restored from remote 'storage'/);

    // The next run on a machine with nothing but the clone and its new dvc.lock: every stage restored.
    rmSync(log);
    for (const p of ['eval', 'model.pkl', 'data/prepared', 'data/data.xml', '.dvc/cache']) rmSync(join(dir, p), { recursive: true, force: true });
    const second = await action();
    assert.deepEqual(ran(log), [], second.stdout);
    assert.match(second.stdout, /dvc push: 0 object\(s\) uploaded/);
    assert.ok(existsSync(join(dir, 'eval', 'metrics.json')));
  });
});

describe('a DagsHub DVC remote in the action: hub-user/hub-token serve it', () => {
  const project = suiteProject();
  const { store, log, freshClone } = project;
  const server = new DvcHttpServer(store, '/acme/iris.dvc', 'alice', 'tok_hub_DVC_7');
  after(() => server.stop());

  test('a fresh clone restores every stage from the HTTP remote with the hub token, which never reaches the log', async () => {
    const sha = await reproPushCommit(project, 'pipeline');
    rmSync(log);
    const url = await server.start();
    const dir = freshClone();
    storageAt(dir, url);
    const run = await dispatch(
      dir,
      sha,
      { hub: 'dagshub', 'hub-url': new URL(url).origin, 'hub-repo': 'acme/iris', 'hub-user': 'alice', 'hub-token': 'tok_hub_DVC_7', comment: 'off' },
      project,
    );
    assert.deepEqual(ran(log), [], run.stdout);
    assert.match(run.stdout, /Stage 'evaluate' didn't change; its outputs were restored from remote 'storage'/);
    // Only the runner's own mask command may carry it.
    const all = (run.stdout + run.stderr + run.summary).replace(/^::add-mask::.*$/gm, '');
    assert.ok(!all.includes('tok_hub_DVC_7'), all.slice(Math.max(0, all.indexOf('tok_hub_DVC_7') - 300), all.indexOf('tok_hub_DVC_7') + 50));
    assert.ok(
      server.requests.some((r) => r.method === 'GET' && r.path.includes('/files/md5/')),
      JSON.stringify(server.requests),
    );
  });
});

describe('a stage with a cache: false metrics file (dvc stage add -M) in a fresh clone (dist/cli.js)', () => {
  const project = suiteProject();
  const { repo, log, env, freshClone } = project;
  // train also writes a small metrics file that git keeps; model.pkl is cached and pushed.
  const dvcYaml = DVC_YAML.replace('> model.pkl\n', '> model.pkl && sh stats.sh\n').replace(
    '    - model.pkl\n  evaluate:',
    '    - model.pkl\n    metrics:\n    - train_stats.json:\n        cache: false\n  evaluate:',
  );

  test('its cached outs are restored from the remote and nothing runs while the metrics file in git matches dvc.lock', async () => {
    assert.match(dvcYaml, /train_stats\.json:\n\s+cache: false/);
    repo.write({ 'dvc.yaml': dvcYaml, 'stats.sh': `printf '{"lines": %s}' "$(wc -l < model.pkl)" > train_stats.json\n` });
    const first = await runCli(['repro'], repo.dir, env);
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.equal((await runCli(['push'], repo.dir, env)).code, 0);
    repo.commit('pipeline with train_stats.json in git');
    assert.ok(repo.git('ls-files', 'train_stats.json'), 'the cache: false metrics file is committed');
    rmSync(log);

    const dir = freshClone();
    const dry = await runCli(['repro', '--dry'], dir, env);
    assert.match(dry.stdout, /^train: restore from remote 'storage'$/m);
    const r = await runCli(['repro'], dir, env);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.deepEqual(ran(log), [], r.stdout);
    assert.match(r.stdout, /^train: restored from remote 'storage'$/m);
    assert.match(r.stdout, /^evaluate: restored from remote 'storage'$/m);
    assert.equal(readFileSync(join(dir, 'model.pkl'), 'utf8'), readFileSync(join(repo.dir, 'model.pkl'), 'utf8'));
  });

  test('the metrics file changed or gone: the stage runs (it cannot be restored, git holds it)', async () => {
    const dir = freshClone();
    writeFileSync(join(dir, 'train_stats.json'), '{"lines": 0}');
    const changed = await runCli(['repro', '--dry'], dir, env);
    assert.match(changed.stdout, /^train: would run \(.*out train_stats\.json: modified\)$/m);
    rmSync(join(dir, 'train_stats.json'));
    const gone = await runCli(['repro', '--dry'], dir, env);
    assert.match(gone.stdout, /^train: would run \(.*out train_stats\.json: missing/m);
  });
});

describe('the action (dist/index.js) with dvc-push: true on a remote missing one file of a directory output', () => {
  const project = suiteProject();
  const { repo, store, log, freshClone } = project;

  test('the stage whose object the restore found missing runs, and the push uploads that object although the .dir is on the remote', async () => {
    const sha = await reproPushCommit(project, 'pipeline');
    rmSync(log);
    // A partly pushed (or pruned) remote: eval's .dir is there, eval/metrics.json's object is not.
    const metrics = md5sum(join(repo.dir, 'eval', 'metrics.json'));
    const object = join(store, 'files', 'md5', metrics.slice(0, 2), metrics.slice(2));
    rmSync(object);
    const dir = freshClone();
    const run = await dispatch(dir, sha, { 'dvc-push': 'true', comment: 'off' }, project);
    assert.deepEqual(ran(log), ['evaluate'], run.stdout);
    assert.match(run.stdout, /dvc push: 1 object\(s\) uploaded/);
    assert.equal(readFileSync(object, 'utf8'), readFileSync(join(repo.dir, 'eval', 'metrics.json'), 'utf8'));
  });

  test('an output whose stage failed and which the remote lacks is named by dvc-push as not pushed, as dvc push warns of it', async () => {
    const lock = readFileSync(join(repo.dir, 'dvc.lock'), 'utf8');
    const evalOid = /path: eval\n\s+hash: md5\n\s+md5: ([0-9a-f]{32}\.dir)/.exec(lock)?.[1];
    assert.ok(evalOid);
    rmSync(join(store, 'files', 'md5', evalOid.slice(0, 2), evalOid.slice(2)));
    const dir = freshClone();
    writeFileSync(join(dir, 'evaluate.sh'), 'exit 3\n');
    const run = await dispatch(dir, repo.git('rev-parse', 'HEAD').trim(), { 'dvc-push': 'true', comment: 'off' }, project);
    rmSync(log, { force: true });
    assert.match(
      run.stdout,
      new RegExp(`::warning::dvc push: eval: object ${evalOid.replace('.', '\\.')} is in neither the DVC cache nor remote 'storage', so it was not pushed`),
    );
    assert.match(run.stdout, /dvc push: 0 object\(s\) uploaded, \d+ already on the remote, 1 not pushed \(in neither the cache nor the remote: eval\)/);
  });
});

describe('the action (dist/index.js) with a .dvc file DVC refuses: one that tracks a stage output', () => {
  const project = suiteProject();
  const { repo, log, dataOid, freshClone } = project;

  test("the repro step fails naming the .dvc file and why, and pulls, restores and runs nothing: model.pkl is not checked out from data.xml's object", async () => {
    await reproPushCommit(project, 'pipeline');
    // model.pkl is stage train's output; this file claims it too, with another object (data.xml's, on the remote).
    // DVC refuses the project (OutputDuplicationError) before it pulls or runs anything.
    const sha = repo.commit('track the model by hand', { 'model.pkl.dvc': `outs:\n- md5: ${dataOid}\n  size: 40\n  hash: md5\n  path: model.pkl\n` });
    rmSync(log);
    const dir = freshClone();
    const run = await dispatch(dir, sha, { comment: 'off' }, project);
    const said = "model.pkl.dvc: output 'model.pkl' is already specified in stage 'train' of dvc.yaml (DVC refuses such a project";
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.ok(run.stdout.includes(`::error::${said}`), run.stdout);
    // The repro step itself stops on it (the report's other steps name the broken file too).
    assert.ok(run.summary.includes(`| model.pkl.dvc | **failed** | 0.0 s | ${said}`), run.summary);
    assert.deepEqual(ran(log), [], 'no stage command ran');
    for (const path of ['model.pkl', 'data/data.xml', 'data/prepared', 'eval'])
      assert.ok(!existsSync(join(dir, path)), `${path} was not pulled, restored or made`);
  });
});
