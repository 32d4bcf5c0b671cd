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
import { cliBaseCandidates, cliHead, defaultOutDir, ignoredIfNew, outOption, PROJECT_OPTIONS, storeOption } from './project-options';
import type { CommandRunner } from './types';

export const reportCommand: CommandRunner = {
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
    const outDir = outOption(values.out, values.cwd) ?? (await defaultOutDir(workspace));
    const headLabel = (): Promise<string> => GitRepo.using(workspace, async (git) => (await cliHead(git, outDir)).label);
    const label = await headLabel();
    // Once the project is known to be in git (a report outside one writes nothing); the head's label leaves it out.
    if (values.out !== undefined) await ignoredIfNew(outDir, workspace);
    const config: Config = {
      workspace,
      baseCandidates: cliBaseCandidates(values.base),
      headLabel: label,
      relabelHead: headLabel,
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
    if (result.reportPath) process.stdout.write(`report: ${result.reportPath}\n`);
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
