import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromAction } from '../../src/config/action';
import { hubSecrets } from '../../src/config/hub';
import { tempDir } from '../helpers/repo';

const PR_EVENT = { pull_request: { number: 12, head: { ref: 'tune-lr', sha: 'a'.repeat(40) }, base: { ref: 'main', sha: 'b'.repeat(40) } } };

async function config(inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}, event: object = PR_EVENT) {
  const dir = tempDir();
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: 'pull_request' in event ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/iris',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_RUN_ID: '99',
    ...extra,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  try {
    return await configFromAction({ env, warn: assert.fail });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('hub inputs', () => {
  test('off by default', async () => {
    const c = await config({});
    assert.equal(c.hub, null);
    assert.equal(c.mlflow, null);
  });

  test('hub: dagshub with defaults: the GitHub repo on dagshub.com, its MLflow with basic auth', async () => {
    const c = await config({ hub: 'dagshub', 'hub-user': 'ci-bot', 'hub-token': 'tok' });
    assert.deepEqual(c.hub, {
      kind: 'dagshub',
      url: 'https://dagshub.com',
      owner: 'acme',
      repo: 'iris',
      user: 'ci-bot',
      token: 'tok',
      required: false,
      change: { repository: 'acme/iris', branch: 'tune-lr', sha: 'a'.repeat(40), prNumber: 12, runUrl: 'https://github.com/acme/iris/actions/runs/99' },
    });
    assert.equal(c.mlflow?.trackingUri, 'https://dagshub.com/acme/iris.mlflow');
    assert.equal(c.mlflow?.experiment, 'acme/iris');
    assert.deepEqual(c.mlflow?.auth, { kind: 'basic', username: 'ci-bot', password: 'tok' });
    assert.deepEqual(hubSecrets(c.hub, c.mlflow), ['tok']);
  });

  test('hub-repo, hub-url and hub-required are read; MLflow variables win over the hub token', async () => {
    const c = await config(
      {
        hub: 'DagsHub',
        'hub-url': 'https://hub.example.org/',
        'hub-repo': 'team/models',
        'hub-token': 'tok',
        'hub-required': 'true',
        'mlflow-experiment': 'iris-ci',
      },
      { MLFLOW_TRACKING_TOKEN: 'mlf' },
    );
    assert.equal(c.hub?.url, 'https://hub.example.org');
    assert.equal(c.hub?.owner, 'team');
    assert.equal(c.hub?.required, true);
    assert.equal(c.mlflow?.trackingUri, 'https://hub.example.org/team/models.mlflow');
    assert.equal(c.mlflow?.experiment, 'iris-ci');
    assert.deepEqual(c.mlflow?.auth, { kind: 'bearer', token: 'mlf' });
  });

  test('mlflow-tracking-uri alone: any MLflow server; credentials in the URL move to a header', async () => {
    const c = await config({ 'mlflow-tracking-uri': 'https://bob:pw%21@mlflow.example.org/' });
    assert.equal(c.hub, null);
    assert.equal(c.mlflow?.trackingUri, 'https://mlflow.example.org');
    assert.deepEqual(c.mlflow?.auth, { kind: 'basic', username: 'bob', password: 'pw!' });
  });

  test('errors name the input and what it accepts', async () => {
    await assert.rejects(config({ hub: 'gitlab' }), /Input 'hub' is 'gitlab'; allowed values: dagshub/);
    await assert.rejects(config({ hub: 'dagshub', 'hub-repo': 'just-a-name' }), /Input 'hub-repo' is 'just-a-name'; expected 'owner\/name'/);
    await assert.rejects(config({ hub: 'dagshub', 'hub-url': 'dagshub.com' }), /Input 'hub-url' is not a URL/);
    await assert.rejects(config({ hub: 'dagshub', 'hub-required': 'yes' }), /Input 'hub-required' is 'yes'; expected true or false/);
    await assert.rejects(config({ 'mlflow-tracking-uri': 'file:///tmp/mlruns' }), /'mlflow-tracking-uri' must be an http\(s\) URL/);
  });

  test('on push: the pushed branch and commit, no PR number', async () => {
    const c = await config({ hub: 'dagshub', 'hub-token': 'tok' }, {}, { ref: 'refs/heads/main', before: 'b'.repeat(40), after: 'c'.repeat(40) });
    assert.deepEqual(c.hub?.change, {
      repository: 'acme/iris',
      branch: 'main',
      sha: 'c'.repeat(40),
      prNumber: null,
      runUrl: 'https://github.com/acme/iris/actions/runs/99',
    });
  });

  test('no token is not a config error (forks get no secrets): the mirror warns instead', async () => {
    const c = await config({ hub: 'dagshub' });
    assert.equal(c.hub?.token, null);
    assert.deepEqual(c.mlflow?.auth, { kind: 'none' });
  });
});
