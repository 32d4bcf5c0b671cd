import { spawn } from 'node:child_process';
import { basename } from 'node:path';

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
 * repository's own dvc.yaml or the `run` input. stdout and stderr go to `onLine` as they arrive. Resolves
 * with the exit code (or a signal name).
 */
export function runShell(
  command: string,
  cwd: string,
  onLine: (line: string) => void,
  tail: TailBuffer,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child =
      process.platform === 'win32'
        ? spawn(command, { cwd, shell: true, stdio: ['ignore', 'pipe', 'pipe'], env })
        : spawn(...posixShell(command, env), { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
    const take = (text: string): void => {
      for (const line of tail.push(text)) onLine(line);
    };
    // Decoding per stream keeps a UTF-8 character split across two chunks whole.
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const line of tail.flush()) onLine(line);
      resolve({ code, signal });
    });
  });
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
