import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { expectedRuns } from '../config/sweep';
import { DEFAULT_CHECK_NAME } from '../gate/config';
import { parseRules } from '../gate/parse';
import { runAggregate } from '../run';
import { consoleLogger, writeResult } from '../util/console-logger';
import { UserError } from '../util/errors';
import { selfIgnoringDir } from './project-options';
import type { Command } from './types';

export const aggregateCommand: Command = {
  path: ['aggregate'],
  summary: "compare a sweep's runs (matrix jobs' report folders) by configuration and write report.md and report.json",
  usage: `mlreport aggregate DIR... [--out DIR] [--repeat-params NAME]... [--rank-by METRIC] [--expected-runs N] [--threshold RULE]... [--missing-base skip|fail] [--quiet]

  DIR             a folder holding a job's report.json, or a folder of such folders (as
                  actions/download-artifact or 'gh run download' lays out the mlreport-* artifacts)
  --out DIR       where report.md and report.json go (default: .mlreport-aggregate, which git ignores)
  --repeat-params NAME
                  a param whose values tell repeats of one configuration apart (repeatable; default: seed)
  --rank-by METRIC
                  the metric that marks the best configuration, as 'metric' or 'file:metric', optionally
                  followed by 'higher' or 'lower' (default: the first metric a rule gates on)
  --expected-runs N
                  how many jobs the matrix has: fewer report folders are failed rows (a job that
                  failed before uploading leaves no folder)
  --threshold RULE
                  a gate rule evaluated on each configuration's means, such as 'accuracy >= base - 0.01'
                  (repeatable; default: the rules the jobs were gated with)
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --quiet         print only the report's path

A job whose report.json is missing, or says a stage failed, is a failed row, and the exit code is 1, as it is when a
configuration breaks a rule. Reports compared with different base commits are refused.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'repeat-params': { type: 'string', multiple: true },
        'rank-by': { type: 'string' },
        'expected-runs': { type: 'string' },
        threshold: { type: 'string', multiple: true },
        'missing-base': { type: 'string', default: 'skip' },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (!positionals.length) throw new UserError('aggregate: name at least one folder of report folders (mlreport aggregate DIR...).');
    const missingBase = values['missing-base'];
    if (missingBase !== 'skip' && missingBase !== 'fail') throw new UserError(`--missing-base must be \`skip\` or \`fail\`, not '${missingBase}'.`);
    const log = consoleLogger(values.quiet);
    const result = await runAggregate(
      {
        dirs: positionals.map((dir) => resolve(dir)),
        // The default folder ignores itself in git, as report's does: the comparison is never a change to commit.
        outDir: values.out === undefined ? await selfIgnoringDir(resolve('.mlreport-aggregate')) : resolve(values.out),
        summaryPath: null,
        repeatParams: values['repeat-params'] ?? ['seed'],
        rankBy: values['rank-by'] ?? null,
        expectedRuns: expectedRuns(values['expected-runs'], '--expected-runs'),
        rules: values.threshold ? parseRules(values.threshold.map((text, i) => ({ text, source: { origin: `--threshold #${i + 1}`, line: 1 } }))) : null,
        missingBase,
        failOnThreshold: true,
        checkName: DEFAULT_CHECK_NAME,
        github: null,
        githubPublish: null,
      },
      log,
    );
    if (!values.quiet) writeResult(`${result.markdown}\n`);
    process.stdout.write(`report: ${result.reportPath}\n`);
    return result.passed ? 0 : 1;
  },
};
