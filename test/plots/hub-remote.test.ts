import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAction } from '../helpers/action';
import { TempRepo } from '../helpers/repo';
import { DvcHttpServer } from '../fakes/dvc-http/server';
import { placeByMd5sum, temp } from '../dvc/data/helpers';

const TOKEN = 'tok_hub_PLOTS_3';
const server = (store: string) => new DvcHttpServer(store, '/acme/iris.dvc', 'alice', TOKEN);
const cleanup: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanup) await c();
});

/** A stage's DVC-cached plot data (JSON: no other step of a run reads it, as the data diff reads a CSV's shape) (git ignores it; its hash in dvc.lock), its bytes in `store` only. */
function commitPlotData(repo: TempRepo, store: string, rows: string): string {
  repo.write({ 'eval/loss.json': rows });
  const md5 = placeByMd5sum(store, join(repo.dir, 'eval', 'loss.json'));
  const size = Buffer.byteLength(rows);
  return repo.commit(`loss ${md5}`, {
    'dvc.lock': `schema: '2.0'\nstages:\n  evaluate:\n    cmd: python evaluate.py\n    outs:\n    - path: eval/loss.json\n      hash: md5\n      md5: ${md5}\n      size: ${size}\n`,
  });
}

test("DVC-cached plot data on the hub's own DVC remote is read with hub-user/hub-token, at the base and the head", async () => {
  const repo = new TempRepo('mlreport-hubplots-');
  const store = temp('mlreport-hubplots-store-');
  const remote = server(store);
  cleanup.push(
    () => remote.stop(),
    () => rmSync(repo.dir, { recursive: true, force: true }),
    () => rmSync(store, { recursive: true, force: true }),
  );
  repo.write({
    '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = https://dagshub.example/acme/iris.dvc\n`,
    '.dvc/.gitignore': '/config.local\n/tmp\n/cache\n',
    'eval/.gitignore': '/loss.json\n',
    'dvc.yaml': 'stages:\n  evaluate:\n    cmd: python evaluate.py\n    outs:\n    - eval/loss.json\nplots:\n- eval/loss.json:\n    x: step\n    y: loss\n',
  });
  commitPlotData(
    repo,
    store,
    JSON.stringify([
      { step: 1, loss: 0.9 },
      { step: 2, loss: 0.5 },
      { step: 3, loss: 0.4 },
    ]),
  );
  const head = commitPlotData(
    repo,
    store,
    JSON.stringify([
      { step: 1, loss: 0.8 },
      { step: 2, loss: 0.3 },
      { step: 3, loss: 0.2 },
    ]),
  );

  // A fresh clone: no eval/loss.json, an empty cache; the remote is the hub's, which asks for the hub's credentials.
  const url = await remote.start();
  const dir = temp('mlreport-hubplots-clone-');
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('git', ['clone', '-q', repo.dir, dir]);
  writeFileSync(join(dir, '.dvc', 'config.local'), `['remote "storage"']\n    url = ${url}\n`);
  const none = temp();
  const run = await runAction({
    workspace: dir,
    eventName: 'workflow_dispatch',
    event: {},
    sha: head,
    inputs: { hub: 'dagshub', 'hub-url': new URL(url).origin, 'hub-repo': 'acme/iris', 'hub-user': 'alice', 'hub-token': TOKEN, comment: 'off', repro: 'off' },
    env: { DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none },
  });
  const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8')) as {
    plots: { id: string; image: string | null; error: string | null; notes: string[] }[];
  };
  const plot = report.plots.find((p) => p.id === 'eval/loss.json');
  assert.ok(plot, JSON.stringify(report.plots));
  assert.equal(plot.error, undefined, run.stdout);
  assert.ok(plot.image, JSON.stringify(plot));
  // Both revisions drawn: no note that a side had no data.
  assert.deepEqual(
    plot.notes.filter((n) => /no data/.test(n)),
    [],
  );
  const fetched = remote.requests.filter((r) => r.method === 'GET' && r.path.includes('/files/md5/'));
  assert.ok(fetched.length >= 2, JSON.stringify(remote.requests));
  const all = (run.stdout + run.stderr + run.summary).replace(/^::add-mask::.*$/gm, '');
  assert.ok(!all.includes(TOKEN));

  // Without the hub's credentials the remote refuses: the plot says why it has no data, not that the file does not exist.
  rmSync(join(dir, '.dvc', 'cache'), { recursive: true, force: true });
  const refused = await runAction({
    workspace: dir,
    eventName: 'workflow_dispatch',
    event: {},
    sha: head,
    inputs: { comment: 'off', repro: 'off' },
    env: { DVC_GLOBAL_CONFIG_DIR: none, DVC_SYSTEM_CONFIG_DIR: none },
  });
  const again = JSON.parse(readFileSync(refused.outputs['report-json']!, 'utf8')) as { plots: { id: string; error?: string }[] };
  assert.match(
    again.plots.find((p) => p.id === 'eval/loss.json')?.error ?? '',
    /eval\/loss\.json is not in the workspace or in git at the base \(DVC-cached\) and cannot be read: .*remote 'storage'.*authentication required/,
  );
});
