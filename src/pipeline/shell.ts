import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FILE_COMMANDS } from './file-commands';

/** The last lines a command printed, kept for the report. */
export class TailBuffer {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly max: number) {}

  /** Adds output; returns the complete lines it finished (for live logging). */
  push(text: string): string[] {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.keep(line);
    return parts;
  }

  /** Ends the stream; returns the unterminated last line, if any. */
  flush(): string[] {
    if (!this.partial) return [];
    const last = this.partial;
    this.partial = '';
    this.keep(last);
    return [last];
  }

  addLine(line: string): void {
    this.keep(line);
  }

  text(): string {
    return this.lines.join('\n');
  }

  private keep(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }
}

/**
 * Runs one command through the shell the way DVC does (dvc/stage/run.py): on POSIX `$SHELL -c` (default
 * /bin/sh) with bash/zsh told not to read rc files; on Windows `cmd /c`. The command text comes from the
 * repository's own dvc.yaml or the `run` input, and runs with `stageEnvironment(env)`. stdout and stderr go
 * to `onLine` as they arrive. Resolves with the exit code (or a signal name). When `stop` aborts (the run's
 * deadline), the command's process group is ended.
 */
export function runShell(
  command: string,
  cwd: string,
  onLine: (line: string) => void,
  tail: TailBuffer,
  env: NodeJS.ProcessEnv = process.env,
  stop?: AbortSignal,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const options: SpawnOptions & { stdio: ['ignore', 'pipe', 'pipe'] } = { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: stageEnvironment(env) };
    const child = process.platform === 'win32' ? spawnStage(command, [], { ...options, shell: true }) : spawnStage(...posixShell(command, env), options);
    if (stop) endOnAbort(child, stop);
    const take = (text: string): void => {
      for (const line of tail.push(text)) onLine(line);
    };
    // Decoding per stream keeps a UTF-8 character split across two chunks whole.
    child.stdout!.setEncoding('utf8').on('data', take);
    child.stderr!.setEncoding('utf8').on('data', take);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const line of tail.flush()) onLine(line);
      resolve({ code, signal });
    });
  });
}

/** The action's own variables a stage never sees: its inputs, the runner's tokens and file commands. */
const FILE_COMMAND_NAMES = new Set<string>(FILE_COMMANDS);

/**
 * The environment a stage (a `run` command, a dvc.yaml command, `dvc repro`) runs with: ours without the
 * action's inputs (`INPUT_*`: the github and hub tokens), the runner's `ACTIONS_*` (the artifact service's
 * runtime token, the OIDC token request), `GITHUB_TOKEN`, and the files that set outputs, variables, the PATH,
 * state and the job summary. A pull request's code so cannot act as the action. The workflow's own variables
 * (cloud credentials for DVC remotes, MLFLOW_*) stay: the workflow gave them to the job on purpose.
 */
export function stageEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => {
      const upper = name.toUpperCase();
      return !upper.startsWith('INPUT_') && !upper.startsWith('ACTIONS_') && upper !== 'GITHUB_TOKEN' && !FILE_COMMAND_NAMES.has(upper);
    }),
  );
}

/** Stages' processes still running, each the leader of its own process group (POSIX). */
const running = new Set<ChildProcess>();
let forwarding = false;

/**
 * Spawns a stage's process in a process group of its own, so that SIGTERM or SIGINT to us (a cancelled job,
 * Ctrl-C) ends the stage and everything it started, not only the shell: the signal is passed to each group,
 * stragglers are killed after a grace period, and then we end by the same signal.
 */
export function spawnStage(file: string, args: string[], options: SpawnOptions): ChildProcess {
  const posix = process.platform !== 'win32';
  const child = spawn(file, args, { ...options, detached: posix });
  running.add(child);
  // 'close', not 'exit': the shell may be gone while what it started in the background still holds its output.
  child.on('close', () => running.delete(child));
  child.on('error', () => running.delete(child));
  if (posix && !forwarding) {
    forwarding = true;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void endStages(signal));
  }
  return child;
}

/**
 * How to start the program `name` from PATH as Windows' own command search would: CreateProcess (spawn without a
 * shell) finds only `name.exe`, so a `.cmd` or `.bat` shim (conda, pipx, scoop wrappers for `dvc`) is looked up
 * through PATHEXT here and started by cmd.exe. Elsewhere, and when nothing matches (spawn then reports ENOENT), the
 * name as it is.
 */
export function resolveCommand(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): { file: string; shell: boolean } {
  if (platform !== 'win32') return { file: name, shell: false };
  const get = (key: string): string => Object.entries(env).find(([k]) => k.toUpperCase() === key)?.[1] ?? '';
  const exts = (get('PATHEXT') || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
  for (const dir of get('PATH').split(';').filter(Boolean)) {
    for (const ext of exts) {
      const file = join(dir.replace(/^"(.*)"$/, '$1'), name + ext.toLowerCase());
      if (!existsSync(file)) continue;
      return /^\.(bat|cmd)$/i.test(ext) ? { file: `"${file}"`, shell: true } : { file, shell: false };
    }
  }
  return { file: name, shell: false };
}

const GRACE_MS = 5000;

/**
 * Ends a stage's process group when `stop` aborts, as a cancelled job would: SIGTERM, then SIGKILL to what is
 * left after the grace period.
 */
export function endOnAbort(child: ChildProcess, stop: AbortSignal): void {
  const end = (): void => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), GRACE_MS);
    child.once('close', () => clearTimeout(timer));
  };
  if (stop.aborted) return end();
  stop.addEventListener('abort', end, { once: true });
  child.once('close', () => stop.removeEventListener('abort', end));
}

async function endStages(signal: NodeJS.Signals): Promise<void> {
  const children = [...running];
  for (const child of children) killGroup(child, signal);
  const closed = children.map((child) => new Promise((r) => child.once('close', r)));
  await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, GRACE_MS).unref())]);
  for (const child of children) killGroup(child, 'SIGKILL');
  process.kill(process.pid, signal);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Windows has no process groups: the shell itself is ended there.
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function posixShell(command: string, env: NodeJS.ProcessEnv): [string, string[]] {
  const executable = env.SHELL || '/bin/sh';
  const name = basename(executable).toLowerCase();
  const opts = name === 'bash' ? ['--noprofile', '--norc'] : name === 'zsh' ? ['--no-rcs'] : [];
  return [executable, [...opts, '-c', command]];
}

/** A stage's commands as DVC runs them: a list as it is, a string split into lines (`_enforce_cmd_list`). */
export function stageCommands(cmd: string | string[]): string[] {
  if (Array.isArray(cmd)) return cmd;
  const lines = cmd.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
