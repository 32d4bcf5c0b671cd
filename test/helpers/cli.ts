import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundle under test: `npm test` builds src/ into a temp dir and names it here, so tests never touch dist/. */
const DIST = process.env.MLREPORT_TEST_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
export const DIST_CLI = join(DIST, 'cli.js');
export const DIST_ACTION = join(DIST, 'index.js');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a bundled entry point (dist/) with node, as a user or the runner would. */
export function runNode(script: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function runCli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return runNode(DIST_CLI, args, { cwd, env });
}
