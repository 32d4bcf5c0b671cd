import { resolve } from 'node:path';
import { expectedRuns } from '../config/sweep';
import { DEFAULT_CHECK_NAME } from '../gate/config';
import { parseRules } from '../gate/parse';
import { runAggregate } from '../run';
import { consoleLogger, writeResult } from '../util/console-logger';
import { UserError } from '../util/errors';
import { outOption, selfIgnoringDir } from './project-options';
import { parseCommandArgs } from './args';
import type { CommandRunner } from './types';

export const aggregateCommand: CommandRunner = {
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: 'string' },
      'repeat-params': { type: 'string', multiple: true },
      'rank-by': { type: 'string' },
      'expected-runs': { type: 'string' },
      threshold: { type: 'string', multiple: true },
      'missing-base': { type: 'string', default: 'skip' },
      quiet: { type: 'boolean', default: false },
    });
    if (!positionals.length) throw new UserError('aggregate: name at least one folder of report folders (mlreport aggregate DIR...).');
    const missingBase = values['missing-base'];
    if (missingBase !== 'skip' && missingBase !== 'fail') throw new UserError(`--missing-base must be \`skip\` or \`fail\`, not '${missingBase}'.`);
    const log = consoleLogger(values.quiet);
    const result = await runAggregate(
      {
        dirs: positionals.map((dir) => resolve(dir)),
        // The default folder ignores itself in git, as report's does: the comparison is never a change to commit.
        outDir: outOption(values.out, '.', '.mlreport-aggregate/ here') ?? (await selfIgnoringDir(resolve('.mlreport-aggregate'))),
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
    if (result.reportPath) process.stdout.write(`report: ${result.reportPath}\n`);
    return result.passed ? 0 : 1;
  },
};
