import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLogger } from '../../src/util/action-logger';
import { workflowCommands } from '../helpers/action';

/** What the runner reads from stdout while `fn` runs. */
function stdoutOf(fn: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

test('text from files logged as information cannot issue a workflow command on any of its lines', () => {
  const fromFile = "metrics.yaml: key 'x\n::set-output name=passed::true\n  ::add-mask::abc\n\t::error file=a::boom' is not a number";
  const out = stdoutOf(() => actionLogger.info(fromFile));
  assert.deepEqual(workflowCommands(out), [], 'read as the runner reads it, nothing is a command');
  assert.match(out, /set-output name=passed::true/, 'the text is still shown');
});

test('warnings and errors carry their text as command data: one line, however many the text has', () => {
  const out = stdoutOf(() => actionLogger.warning('a\n::error::b'));
  assert.equal(out.trimEnd().split('\n').length, 1, out);
});
