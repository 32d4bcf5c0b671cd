import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runAction } from '../helpers/action';
import { TempRepo } from '../helpers/repo';
import { FakeHub } from '../fakes/hub/server';
import { FakeMlflow } from '../fakes/mlflow/server';

const TOKEN = 'dhp_e2e-secret-token-1234';

/** An iris project as the DagsHub logger leaves it: params.yaml, metrics.json, and metrics.csv with the epochs. */
function irisProject(repo: TempRepo, lr: number, accuracy: number): void {
  const losses = [1.05, 0.61, 0.38, 0.27, 0.21].map((l) => +(l * (lr / 0.01) ** 0.1).toFixed(4));
  repo.write({
    'params.yaml': `train:\n  lr: ${lr}\n  epochs: 5\n  max_depth: 4\ndata:\n  test_size: 0.2\n  features: [sepal_length, sepal_width, petal_length, petal_width]\n`,
    'metrics.json': JSON.stringify(
      { accuracy, f1_macro: +(accuracy - 0.01).toFixed(4), per_class: { setosa: 1, versicolor: accuracy - 0.03, virginica: accuracy - 0.02 } },
      null,
      2,
    ),
    'metrics.csv': ['Name,Value,Timestamp,Step', ...losses.map((l, i) => `"loss",${l},${1_715_430_000_000 + i * 1000},${i + 1}`)].join('\n') + '\n',
  });
}

describe('the action mirrors to a hub and its MLflow (dist/index.js against the fakes)', () => {
  const repo = new TempRepo();
  let hub: FakeHub;
  let mlflow: FakeMlflow;
  let headSha = '';
  let baseSha = '';

  before(async () => {
    irisProject(repo, 0.01, 0.9);
    baseSha = repo.commit('baseline');
    repo.git('checkout', '-q', '-b', 'tune-lr');
    irisProject(repo, 0.02, 0.93);
    headSha = repo.commit('raise the learning rate');
    mlflow = new FakeMlflow({ auth: { kind: 'basic', username: 'ci-bot', password: TOKEN } });
    hub = await FakeHub.start({ owner: 'acme', repo: 'iris', login: 'ci-bot', token: TOKEN, commentEndpoint: 'none', deleteEndpoint: 'gitea', mlflow });
    hub.addPull({ headRef: 'tune-lr', headSha });
  });
  after(async () => {
    await hub.close();
    repo.remove();
  });

  function run(inputs: Record<string, string>) {
    return runAction({
      workspace: repo.dir,
      eventName: 'pull_request',
      event: {
        pull_request: { number: 7, head: { ref: 'tune-lr', sha: headSha }, base: { ref: 'main', sha: baseSha } },
        repository: { full_name: 'acme/iris' },
      },
      sha: headSha,
      repository: 'acme/iris',
      // No GitHub API here: the GitHub comment is off (tested in test/e2e/github-publish.test.ts).
      inputs: { metrics: 'metrics.json', params: 'params.yaml', comment: 'off', hub: 'dagshub', 'hub-url': hub.url, 'hub-token': TOKEN, ...inputs },
    });
  }

  test('first run: the comment on the mirrored PR and an MLflow run with every param and metric', async (t) => {
    const result = await run({});
    if (process.env.MLREPORT_SHOW_RUN) t.diagnostic(result.stdout);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const comments = hub.commentsOn(1);
    assert.equal(comments.length, 1);
    assert.match(comments[0]!.body, /<!-- mlreport -->/);
    assert.match(comments[0]!.body, /0\.93/);

    const [mlrun] = mlflow.runsOf('acme/iris');
    assert.ok(mlrun, 'a run in experiment acme/iris');
    assert.deepEqual(Object.fromEntries(mlrun.params), {
      'train.lr': '0.02',
      'train.epochs': '5',
      'train.max_depth': '4',
      'data.test_size': '0.2',
      'data.features': "['sepal_length', 'sepal_width', 'petal_length', 'petal_width']",
    });
    const latest = new Map(mlrun.history.map((m) => [m.key, m.value]));
    assert.deepEqual([...latest.keys()].sort(), ['accuracy', 'f1_macro', 'loss', 'per_class.setosa', 'per_class.versicolor', 'per_class.virginica']);
    assert.equal(latest.get('accuracy'), 0.93);
    assert.deepEqual(
      mlrun.history.filter((m) => m.key === 'loss').map((m) => m.step),
      [1, 2, 3, 4, 5],
    );
    assert.equal(mlrun.tags.get('mlflow.source.git.commit'), headSha);
    assert.equal(mlrun.tags.get('ci.pr'), '7');
    assert.equal(mlrun.tags.get('ci.run_url'), 'https://github.com/acme/iris/actions/runs/4242');
    // The run's note is the hub comment: report.md with each image named where it is hosted (GitHub), not linked.
    const note = mlrun.tags.get('mlflow.note.content');
    assert.equal(note, comments[0]!.body);
    const reportMd = readFileSync(result.outputs.report!, 'utf8');
    assert.equal(note, reportMd.replace(/^!\[(.+)\]\((plots\/[^)]+)\)$/gm, '_$1: PNG `$2` in the GitHub report._'));
    assert.ok(
      mlflow.requests.every((r) => r.authorization === `Basic ${Buffer.from(`ci-bot:${TOKEN}`).toString('base64')}`),
      'user name asked from the hub',
    );

    const output = result.stdout + result.stderr;
    assert.ok(output.includes(`::add-mask::${TOKEN}`), 'the token is masked for the runner');
    assert.ok(!output.split('\n').some((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::')), 'and printed nowhere else');
  });

  test('re-run: the same comment replaced (no edit endpoint), the same MLflow run updated', async () => {
    const runId = mlflow.runsOf('acme/iris')[0]!.info.run_id;
    const result = await run({});
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(hub.commentsOn(1).length, 1);
    assert.deepEqual(
      mlflow.runsOf('acme/iris').map((r) => r.info.run_id),
      [runId],
    );
    assert.equal(mlflow.runsOf('acme/iris')[0]!.history.filter((m) => m.key === 'loss').length, 5);
  });

  test('a PR that is not mirrored: a warning saying what to fix, the step passes', async () => {
    hub.pulls[0]!.state = 'closed';
    try {
      const result = await run({});
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /::warning::DagsHub PR comment \(acme\/iris\): No open DagsHub PR in acme\/iris has head branch 'tune-lr'/);
      const required = await run({ 'hub-required': 'true' });
      assert.equal(required.code, 1);
      assert.match(required.stdout, /::error::DagsHub PR comment/);
    } finally {
      hub.pulls[0]!.state = 'open';
    }
  });

  test('a bad token: warnings for both mirrors, the token never printed, the step passes', async () => {
    const wrong = 'dhp_wrong-token-5678';
    const result = await run({ 'hub-token': wrong });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /::warning::DagsHub PR comment.*returned 401.*Check 'hub-token'/);
    assert.match(result.stdout, /::warning::MLflow run.*hub-token/);
    assert.ok(!result.stdout.split('\n').some((l) => l.includes(wrong) && !l.startsWith('::add-mask::')));
  });
});
