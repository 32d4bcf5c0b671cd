import { resolve } from 'node:path';
import { findProjectRoot } from '../config/project-root';
import { parseArgs } from 'node:util';
import type { Config } from '../config/types';
import { DEFAULT_CHECK_NAME, loadGateConfig } from '../gate/config';
import type { MissingBasePolicy } from '../gate/types';
import { GitRepo } from '../git/repo';
import { REPRO_MODES } from '../pipeline/engine';
import { run } from '../run';
import { consoleLogger, writeResult } from '../util/console-logger';
import { parseDeadlineMinutes } from '../util/deadline';
import { parseHistoryDepth } from '../history/config';
import { UserError } from '../util/errors';
import { cliBaseCandidates, cliHead, defaultOutDir, PROJECT_OPTIONS, storeOption } from './project-options';
import type { Command } from './types';

export const reportCommand: Command = {
  path: ['report'],
  summary: 'compare metrics and params with a base revision and write report.md and report.json',
  usage: `mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--plots PATH]... [--threshold RULE]... [--missing-base skip|fail] [--history N] [--history-store BRANCH] [--repro MODE] [--deadline-minutes N] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport at the project root, which
                  ignores itself in git)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --history N     how many first-parent commits of the base to read for history.* rules (default: 20;
                  0: off), e.g. 'accuracy >= history.mean - 3 * history.std'
  --history-store BRANCH
                  also read the history store, origin's BRANCH (the action's \`history-branch\`, by default
                  mlreport-history), for the base's values and the history of metrics not in git; only read
  --repro MODE    reproduce the pipeline first: auto, builtin, dvc or off (default: off)
  --deadline-minutes N
                  the time budget for gathering the report (default: 330): a stage still running then is
                  ended, the work not started is skipped, and the report says what was cut
  --cwd DIR       where to start looking for the project: the nearest folder upwards with .dvc/ (else
                  with dvc.yaml or .mlreport.yml, else the git root); default: the current directory
  --quiet         print only the report's path`,
  async run(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        ...PROJECT_OPTIONS,
        out: { type: 'string' },
        metrics: { type: 'string', multiple: true },
        params: { type: 'string', multiple: true },
        threshold: { type: 'string', multiple: true },
        'missing-base': { type: 'string', default: 'skip' },
        history: { type: 'string', default: '' },
        'history-store': { type: 'string' },
        repro: { type: 'string', default: 'off' },
        'deadline-minutes': { type: 'string', default: '' },
      },
    });
    const workspace = await findProjectRoot(resolve(values.cwd), '--cwd', values.cwd);
    const storeBranch = storeOption(values['history-store']);
    const log = consoleLogger(values.quiet);
    // Before the head is named: an old .mlreport/ without its .gitignore would make the workspace look modified.
    const outDir = values.out === undefined ? await defaultOutDir(workspace) : resolve(values.cwd, values.out);
    const config: Config = {
      workspace,
      baseCandidates: cliBaseCandidates(values.base),
      headLabel: (await GitRepo.using(workspace, (git) => cliHead(git, outDir))).label,
      metricsPaths: values.metrics ?? null,
      paramsPaths: values.params ?? null,
      plotsPaths: values.plots ?? null,
      // --out is a path the user typed, so relative to where they are; the default sits at the project root.
      outDir,
      summaryPath: null,
      repro: reproMode(values.repro),
      deadlineMinutes: parseDeadlineMinutes(values['deadline-minutes'], '--deadline-minutes'),
      runCommands: [],
      github: null,
      hub: null,
      mlflow: null,
      history: parseHistoryDepth(values.history, '--history'),
      historyStore: storeBranch === undefined ? null : { branch: storeBranch, record: false },
      gate: await loadGateConfig(workspace, {
        thresholds: values.threshold ? values.threshold.map((text, i) => ({ text, source: { origin: `--threshold #${i + 1}`, line: 1 } })) : null,
        missingBase: missingBasePolicy(values['missing-base']),
        failOnThreshold: true,
        checkName: DEFAULT_CHECK_NAME,
        trustBase: false,
      }),
    };
    const result = await run(config, log);
    if (!values.quiet) writeResult(`${result.markdown}\n`);
    process.stdout.write(`report: ${result.reportPath}\n`);
    return result.passed ? 0 : 1;
  },
};

function reproMode(value: string): Config['repro'] {
  if (!(REPRO_MODES as readonly string[]).includes(value)) throw new UserError(`--repro must be one of ${REPRO_MODES.join(', ')} (got '${value}').`);
  return value as Config['repro'];
}

function missingBasePolicy(value: string | undefined): MissingBasePolicy {
  if (value === 'skip' || value === 'fail') return value;
  throw new UserError(`--missing-base must be \`skip\` or \`fail\`, not '${value}'.`);
}
