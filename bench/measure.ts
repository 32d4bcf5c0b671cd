// What the benches share: a whole process's CPU time (its children included, as a user's `time` shows it) and
// the verdict line every figure ends with.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface Run {
  /** User + system CPU of the process and everything it started, in ms. */
  cpuMs: number;
  wallMs: number;
}

/**
 * Runs `command` to the end (its output dropped) and measures it. bash's `times` reports its children's CPU,
 * which Node cannot see for a process it spawned.
 */
export function measure(command: string, args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const started = performance.now();
  const r = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1 || exit; times', 'bench', command, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: options.env ?? process.env,
  });
  const wallMs = performance.now() - started;
  const times = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout);
  if (r.status !== 0 || !times) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}) in ${options.cwd ?? '.'}`);
  return { cpuMs: (Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4])) * 1000, wallMs };
}

/**
 * Arguments for `node` that start the CLI as a command's process starts it, and do nothing else: dist/cli.js (with no
 * arguments it prints its help) and then the commands' bundle beside it, which a command reads to run
 * (`mlreport --version` reads dist/cli.js alone), through Node's compile cache as a command turns it on before that.
 * The benches that take a process's start-up apart use this.
 */
export function cliStartUp(cli: string): string[] {
  const url = pathToFileURL(cli).href;
  const commands = JSON.stringify(new URL('commands.js', url).href);
  return [
    '--input-type=module',
    '-e',
    `import m from 'node:module'; await import(${JSON.stringify(url)}); m.enableCompileCache?.(); await import(${commands});`,
  ];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Prints one figure: ours, the peer's, their ratio, the target ratio and PASS/FAIL. `lowerIsBetter` for times
 * (ours ≤ target × peer), else for speeds (ours ≥ target × peer). Returns whether it passed.
 */
export function verdict(what: string, ours: number, peer: number, target: number, unit: string, lowerIsBetter = true): boolean {
  const ratio = ours / peer;
  const pass = lowerIsBetter ? ratio <= target : ratio >= target;
  const sign = lowerIsBetter ? '≤' : '≥';
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${what}: ${fmt(ours)} ${unit} vs peer ${fmt(peer)} ${unit} = ${ratio.toFixed(2)}× (target ${sign} ${target}×)`);
  return pass;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2);
}
