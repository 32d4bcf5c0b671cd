import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const DIST_CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const DIST_ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

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
