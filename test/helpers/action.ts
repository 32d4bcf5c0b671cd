import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_ACTION, runNode, type ProcessResult } from './cli';
import { tempDir } from './repo';

export interface ActionRun extends ProcessResult {
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

/**
 * Runs dist/index.js the way the Actions runner does: GITHUB_* variables, the event payload in a file,
 * inputs as INPUT_* variables, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to read back.
 */
export async function runAction(options: {
  workspace: string;
  eventName: string;
  event: unknown;
  inputs?: Record<string, string>;
  apiUrl?: string;
  sha: string;
  repository?: string;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const runnerTemp = tempDir('mlreport-runner-');
  const eventPath = join(runnerTemp, 'event.json');
  const outputPath = join(runnerTemp, 'output.txt');
  const summaryPath = join(runnerTemp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const inputs: Record<string, string> = { 'github-token': 'test-token', 'working-directory': '.', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SYSTEMROOT: process.env.SYSTEMROOT,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository ?? 'octo/iris',
    GITHUB_SHA: options.sha,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])),
    ...options.env,
  };
  const result = await runNode(DIST_ACTION, [], { cwd: options.workspace, env });
  return {
    ...result,
    outputs: existsSync(outputPath) ? parseOutputFile(readFileSync(outputPath, 'utf8')) : {},
    summary: readFileSync(summaryPath, 'utf8'),
    runnerTemp,
  };
}

/**
 * Parses the GITHUB_OUTPUT file format: `name<<DELIMITER`, the value, `DELIMITER`, each line ended by `os.EOL` as
 * @actions/core writes it (CRLF on Windows). A value's own line breaks are kept as they were written.
 */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\r\n<=]+)<<(\S+)\r?\n([\s\S]*?)\r?\n\2\r?$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export interface WorkflowCommand {
  name: string;
  properties: string;
  data: string;
}

/**
 * The workflow commands the runner would act on in a step's output (actions/runner ActionCommandManager): a line
 * that starts with `::name props::data` after blanks, or holds the older `##[name props]data`; nothing between
 * `::stop-commands::<token>` and `::<token>::`.
 */
export function workflowCommands(output: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | null = null;
  for (const line of output.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (stopToken !== null) {
      if (trimmed === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const v2 = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(trimmed);
    const v1 = /##\[([^\s\]]+)(?: ([^\]]*))?\](.*)$/.exec(line);
    const m = v2 ?? v1;
    if (!m) continue;
    if (m[1] === 'stop-commands') stopToken = m[3]!;
    else out.push({ name: m[1]!, properties: m[2] ?? '', data: m[3]! });
  }
  return out;
}
