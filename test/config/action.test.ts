import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { parse } from 'yaml';
import { ACTION_INPUTS, configFromAction, unknownInputs } from '../../src/config/action';
import { UserError } from '../../src/util/errors';
import { TempRepo } from '../helpers/repo';

const root = join(import.meta.dirname, '../..');
const actionYml = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml, the code and README agree', () => {
  test('every input in action.yml is known to the code, and the other way round', () => {
    assert.deepEqual(Object.keys(actionYml.inputs).sort(), [...ACTION_INPUTS].sort());
  });

  test('every input and output has a description and a row in the README tables', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const [name, spec] of Object.entries({ ...actionYml.inputs, ...actionYml.outputs })) {
      assert.ok(spec.description?.trim(), `${name} has no description in action.yml`);
      assert.match(readme, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `README.md has no table row for \`${name}\``);
    }
  });

  test('runs on the current Actions Node runtime, from dist/', () => {
    assert.equal(actionYml.runs.using, 'node24');
    assert.equal(actionYml.runs.main, 'dist/index.js');
  });
});

describe('configFromAction', () => {
  // A checkout whose project (with its own .dvc/) is in a sub-folder.
  const repo = new TempRepo().write({ 'project/.dvc/config': '', 'project/dvc.yaml': 'stages: {}\n' });
  after(() => repo.remove());
  const dir = repo.dir;
  const eventPath = join(dir, 'event.json');
  const base = 'a'.repeat(40);
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: 'b'.repeat(40), ref: 'tune-lr' } } }));
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'octo/iris',
    GITHUB_SHA: 'c'.repeat(40),
    INPUT_METRICS: 'metrics.json\n# a comment\n\nevals/*.json\n',
    ...extra,
  });

  test('reads inputs, event and runner variables into one Config', async () => {
    const config = await configFromAction({ warn: assert.fail, env: env({ 'INPUT_WORKING-DIRECTORY': 'project', RUNNER_TEMP: dir }) });
    // The physical folder, as DVC finds its root (macOS temp dirs are reached through /var → /private/var).
    assert.equal(config.workspace, realpathSync(join(dir, 'project')));
    assert.deepEqual(config.baseCandidates, [{ kind: 'commit', sha: base, label: 'main' }]);
    assert.equal(config.headLabel, 'tune-lr');
    assert.deepEqual(config.metricsPaths, ['metrics.json', 'evals/*.json']);
    assert.equal(config.paramsPaths, null);
    assert.equal(config.outDir, join(dir, 'mlreport'));
    assert.equal(config.github?.prNumber, 7);
    assert.equal(config.github?.owner, 'octo');
    assert.equal(config.github?.apiUrl, 'https://api.github.com');
  });

  test('GitHub Enterprise: the API URL comes from GITHUB_API_URL', async () => {
    const config = await configFromAction({ warn: assert.fail, env: env({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' }) });
    assert.equal(config.github?.apiUrl, 'https://ghe.example.com/api/v3');
  });

  test('a GITHUB_API_URL that is not an http(s) URL fails before any work, once, naming it; a trailing slash is dropped', async () => {
    for (const apiUrl of ['not a url', 'ftp://ghe.example/api/v3']) {
      await assert.rejects(
        configFromAction({ warn: assert.fail, env: env({ GITHUB_API_URL: apiUrl }) }),
        (error: Error) =>
          error instanceof UserError &&
          error.message.startsWith(
            `GITHUB_API_URL must be GitHub's REST API root, https://api.github.com or https://HOST/api/v3 on GitHub Enterprise Server; got '${apiUrl}'.`,
          ),
      );
    }
    const config = await configFromAction({ warn: assert.fail, env: env({ GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }) });
    assert.equal(config.github?.apiUrl, 'https://ghe.example.com/api/v3');
  });

  test('the base input overrides the event', async () => {
    const config = await configFromAction({ warn: assert.fail, env: env({ INPUT_BASE: 'v1.0' }) });
    assert.deepEqual(config.baseCandidates, [
      { kind: 'explicit', rev: 'v1.0', origin: "Input 'base'", label: 'v1.0', fetchAdvice: 'actions/checkout with `fetch-depth: 0`' },
    ]);
  });

  test("GITHUB_REPOSITORY not 'owner/name' is an error; unset on a runner too, so a gate's check run is never silently missing", async () => {
    for (const [value, shown] of [
      ['a/b/c', "'a/b/c'"],
      ['octo', "'octo'"],
      ['', 'empty'],
    ] as const) {
      await assert.rejects(
        configFromAction({ env: env({ GITHUB_REPOSITORY: value, GITHUB_ACTIONS: 'true' }), warn: assert.fail }),
        (e: Error) => e.message.startsWith(`GITHUB_REPOSITORY is ${shown}; expected the repository as 'owner/name', which the runner sets.`),
        value,
      );
    }
    await assert.rejects(configFromAction({ env: env({ GITHUB_REPOSITORY: 'a/b/c' }), warn: assert.fail }), /^UserError: GITHUB_REPOSITORY is 'a\/b\/c'/);
  });

  test('GITHUB_REPOSITORY unset off a runner (@github/local-action): the report is made, publishing is off, and a warning says so', async () => {
    const warnings: string[] = [];
    const config = await configFromAction({ env: env({ GITHUB_REPOSITORY: '' }), warn: (message) => warnings.push(message) });
    assert.equal(config.github, null);
    assert.deepEqual(warnings, [
      "GITHUB_REPOSITORY is not set (not on a GitHub runner), so publishing to GitHub is off: no comment, check run or images; the report is only written to 'out-dir'. Set it to 'owner/name' to publish.",
    ]);
  });

  test('numeric inputs share one parser: decimal digits only, the input named in the error', async () => {
    for (const [name, bad] of [
      ['deadline-minutes', '0x10'],
      ['deadline-minutes', '1e2'],
      ['deadline-minutes', 'Infinity'],
      ['history', '0x10'],
      ['history', '1e1'],
      ['expected-runs', '0x10'],
      ['expected-runs', '2.0'],
    ] as const) {
      await assert.rejects(
        configFromAction({ env: env({ [`INPUT_${name.toUpperCase()}`]: bad }), warn: assert.fail }),
        (e: Error) => e.message.startsWith(`Input '${name}' must be `) && e.message.endsWith(`, not '${bad}'.`),
        `${name}: ${bad}`,
      );
    }
    const config = await configFromAction({
      env: env({ 'INPUT_DEADLINE-MINUTES': '7.5', INPUT_HISTORY: '016', 'INPUT_EXPECTED-RUNS': '4' }),
      warn: assert.fail,
    });
    assert.deepEqual([config.deadlineMinutes, config.history, config.sweep?.expectedRuns], [7.5, 16, 4]);
  });

  test("a base input git would read as an option, or on two lines, is an error naming the input 'base'", async () => {
    for (const bad of ['-x', '--output=/tmp/x', 'main\nHEAD']) {
      await assert.rejects(
        configFromAction({ env: env({ INPUT_BASE: bad }), warn: assert.fail }),
        (e: Error) => e.message === `Input 'base' is ${JSON.stringify(bad)}: expected a branch, tag or commit (one that does not start with '-', on one line).`,
        bad,
      );
    }
  });

  test('an unknown input is an error naming it and listing the known ones', async () => {
    assert.deepEqual(unknownInputs({ INPUT_METRIC: 'x', INPUT_METRICS: 'y' }), ['metric']);
    await assert.rejects(configFromAction({ warn: assert.fail, env: env({ INPUT_METRIC: 'metrics.json' }) }), (e: Error) => {
      assert.match(e.message, /Unknown input 'metric'/);
      assert.match(e.message, /Known inputs: .*metrics/);
      return true;
    });
  });

  test('an unreadable event file is a clear error naming the variable', async () => {
    await assert.rejects(
      configFromAction({ warn: assert.fail, env: env({ GITHUB_EVENT_PATH: join(dir, 'missing.json') }) }),
      /GITHUB_EVENT_PATH points to .*missing\.json/,
    );
    writeFileSync(join(dir, 'bad.json'), '{nope');
    await assert.rejects(
      configFromAction({ warn: assert.fail, env: env({ GITHUB_EVENT_PATH: join(dir, 'bad.json') }) }),
      /GITHUB_EVENT_PATH .* is not valid JSON/,
    );
  });

  test("every boolean input of action.yml accepts exactly what @actions/core's getBooleanInput accepts", async () => {
    const booleans = Object.entries(actionYml.inputs)
      .filter(([, spec]) => spec.default === 'true' || spec.default === 'false')
      .map(([name]) => name);
    assert.deepEqual(booleans.sort(), ['allow-pull-request-target-repro', 'dvc-push', 'fail-on-threshold', 'hub-required']);
    for (const name of booleans) {
      for (const value of ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRuE', 'yes', '1', 'off']) {
        const key = `INPUT_${name.toUpperCase()}`;
        process.env[key] = value;
        let expected: boolean | null;
        try {
          expected = core.getBooleanInput(name);
        } catch {
          expected = null;
        } finally {
          delete process.env[key];
        }
        const result = configFromAction({ warn: assert.fail, env: env({ [key]: value, INPUT_HUB: 'dagshub', 'INPUT_HUB-TOKEN': 'hub-secret' }) });
        if (expected === null) {
          await assert.rejects(result, new RegExp(`^UserError: Input '${name}' is '${value}'; expected true or false`), `${name}: ${value}`);
          continue;
        }
        const config = await result;
        const parsed = {
          'fail-on-threshold': config.gate?.failOnThreshold,
          'hub-required': config.hub?.required,
          'allow-pull-request-target-repro': config.githubPublish?.allowPullRequestTargetRepro,
          'dvc-push': config.dvcPush,
        }[name];
        assert.equal(parsed, expected, `${name}: ${value}`);
      }
    }
  });
});
