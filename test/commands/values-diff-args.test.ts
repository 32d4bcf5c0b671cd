import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValuesDiffArgs } from '../../src/commands/values-diff';
import { UserError } from '../../src/util/errors';

// Argument handling as DVC's argparse does it (tests/unit/command/test_metrics.py, test_params.py).
describe('metrics/params diff arguments', () => {
  test('test_metrics_diff: HEAD~10 HEAD~1 --all --md --targets target1 target2 --no-path', () => {
    assert.deepEqual(parseValuesDiffArgs(['HEAD~10', 'HEAD~1', '--all', '--md', '--targets', 'target1', 'target2', '--no-path'], 'metrics'), {
      aRev: 'HEAD~10',
      bRev: 'HEAD~1',
      targets: ['target1', 'target2'],
      json: false,
      markdown: true,
      all: true,
      noPath: true,
      precision: null,
      deps: false,
    });
  });

  test('test_metrics_diff_json: --json and --precision 10 after --targets', () => {
    const args = parseValuesDiffArgs(['HEAD~10', 'HEAD~1', '--all', '--json', '--targets', 'target1', 'target2', '--no-path', '--precision', '10'], 'metrics');
    assert.equal(args.json, true);
    assert.equal(args.precision, 10);
    assert.deepEqual(args.targets, ['target1', 'target2']);
  });

  test('defaults: A = HEAD, B = workspace (dvc/commands/metrics.py)', () => {
    const args = parseValuesDiffArgs([], 'params');
    assert.equal(args.aRev, 'HEAD');
    assert.equal(args.bRev, 'workspace');
    assert.equal(args.targets, null);
  });

  test('params diff has --deps but no --precision; bad input is a UserError', () => {
    assert.equal(parseValuesDiffArgs(['--deps'], 'params').deps, true);
    assert.throws(() => parseValuesDiffArgs(['--precision', '3'], 'params'), UserError);
    assert.throws(() => parseValuesDiffArgs(['--precision', 'x'], 'metrics'), /--precision expects a whole number/);
    assert.throws(() => parseValuesDiffArgs(['a', 'b', 'c'], 'metrics'), /at most two revisions/);
    assert.throws(() => parseValuesDiffArgs(['--bogus'], 'metrics'), /unknown option '--bogus'/);
  });
});
