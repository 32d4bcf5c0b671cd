import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runShell, stageEnvironment, TailBuffer } from '../../src/pipeline/shell';
import { tempDir } from '../helpers/repo';

test('output is streamed line by line; a UTF-8 character split across two writes stays whole', async () => {
  // "é" is two bytes (c3 a9): the command writes them 100 ms apart, so they arrive in separate chunks.
  const script = 'process.stdout.write(Buffer.from([0x61,0xc3]));setTimeout(()=>process.stdout.write(Buffer.from([0xa9,0x0a,0x62,0x0a])),100)';
  const lines: string[] = [];
  const tail = new TailBuffer(50);
  const result = await runShell(`"${process.execPath}" -e "${script}"`, tempDir(), (l) => lines.push(l), tail);
  assert.equal(result.code, 0);
  assert.deepEqual(lines, ['aé', 'b']);
  assert.equal(tail.text(), 'aé\nb');
});

test('a stage sees the workflow variables but none of the action inputs, runtime tokens or file commands', () => {
  const env = stageEnvironment({
    PATH: '/bin',
    HOME: '/home/runner',
    GITHUB_SHA: 'abc',
    GITHUB_WORKSPACE: '/w',
    AWS_ACCESS_KEY_ID: 'kept',
    MLFLOW_TRACKING_PASSWORD: 'kept',
    'INPUT_GITHUB-TOKEN': 'x',
    'INPUT_HUB-TOKEN': 'x',
    ACTIONS_RUNTIME_TOKEN: 'x',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'x',
    ACTIONS_RESULTS_URL: 'x',
    GITHUB_TOKEN: 'x',
    GITHUB_OUTPUT: 'x',
    GITHUB_ENV: 'x',
    GITHUB_PATH: 'x',
    GITHUB_STATE: 'x',
    GITHUB_STEP_SUMMARY: 'x',
  });
  assert.deepEqual(Object.keys(env).sort(), ['AWS_ACCESS_KEY_ID', 'GITHUB_SHA', 'GITHUB_WORKSPACE', 'HOME', 'MLFLOW_TRACKING_PASSWORD', 'PATH']);
});
