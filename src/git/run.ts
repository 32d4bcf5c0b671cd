import { spawn, type ChildProcess } from 'node:child_process';

/** stderr kept for the error: git's own words, not an endless stream. */
const STDERR_BYTES = 64 * 1024;

/**
 * Runs git with `args` (an array, never through a shell) in `cwd`, `input` on its stdin when given, and resolves with
 * what it wrote to stdout, as UTF-8. A git that cannot start, or that exits other than 0, rejects with its own words
 * from stderr. The environment is the process's, as for the object reader's git: the repository and config that `git`
 * typed in `cwd` would use.
 */
export async function runGit(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const ended = await spawnGit(cwd, args, input);
  if (ended.code === 0) return ended.stdout;
  throw new Error(ended.why);
}

/**
 * Runs a git command that answers yes or no by its exit code (`check-ignore -q`): true for 0, false for 1. Any other
 * end rejects with git's own words, as runGit does.
 */
export async function gitYesNo(cwd: string, args: readonly string[]): Promise<boolean> {
  const ended = await spawnGit(cwd, args);
  if (ended.code === 0 || ended.code === 1) return ended.code === 0;
  throw new Error(ended.why);
}

/**
 * Runs a git command whose exit code 1 means that nothing matched (`check-ignore --stdin`): what it wrote, empty for
 * 1. Any other end rejects with git's own words, as runGit does.
 */
export async function runGitMatching(cwd: string, args: readonly string[], input?: string): Promise<string> {
  const ended = await spawnGit(cwd, args, input);
  if (ended.code === 0 || ended.code === 1) return ended.code === 0 ? ended.stdout : '';
  throw new Error(ended.why);
}

function spawnGit(cwd: string, args: readonly string[], input?: string): Promise<{ code: number | null; stdout: string; why: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const stderr = gitStderr(child, `git ${args[0]}`);
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', (error) => reject(new Error(`git ${args[0]} could not start: ${error.message}`)));
    child.on('close', (code, signal) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), why: stderr.why(code, signal) }));
    if (input !== undefined) child.stdin!.end(input);
  });
}

/**
 * Keeps the start of what a git process writes to stderr (its own words for what went wrong) for `why`, which falls
 * back to how it ended. A write to its stdin after it died (EPIPE) is left to that account, not thrown.
 */
export function gitStderr(child: ChildProcess, name: string): { why(code: number | null, signal: NodeJS.Signals | null): string } {
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    if (stderr.length < STDERR_BYTES) stderr += text;
  });
  child.stdin?.on('error', () => undefined);
  return { why: (code, signal) => stderr.trim() || (signal ? `${name} was killed by ${signal}` : `${name} exited with code ${code}`) };
}
