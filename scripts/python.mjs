// `python` for the demos' pipeline, whose stages call `python` as DVC's own examples do: that name exists on
// Windows (where `python3` does not) and wherever actions/setup-python ran. A machine with only `python3` (Debian
// or Ubuntu without python-is-python3, macOS with Apple's Python) gets a `python` that runs it, first on PATH.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const windows = process.platform === 'win32';
// cmd.exe, as a stage's command would run there, also finds python.cmd.
const runs = (name) => spawnSync(name, ['--version'], { stdio: 'ignore', shell: windows }).status === 0;

/** The environment to run the pipeline with, and a cleanup for the `python` it may add. */
export function pythonEnvironment(env = process.env) {
  if (runs('python')) return { env, cleanup: () => {} };
  if (!runs('python3')) throw new Error('The demos run their examples’ stages with Python 3: put `python` (or `python3`) on the PATH.');
  const dir = mkdtempSync(join(tmpdir(), 'mlreport-python-'));
  if (windows) writeFileSync(join(dir, 'python.cmd'), '@python3 %*\r\n');
  else {
    writeFileSync(join(dir, 'python'), '#!/bin/sh\nexec python3 "$@"\n');
    chmodSync(join(dir, 'python'), 0o755);
  }
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { env: { ...env, [key]: `${dir}${delimiter}${env[key] ?? ''}` }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
