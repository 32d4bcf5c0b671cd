import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST_CLI } from '../helpers/cli';
import { TempRepo } from '../helpers/repo';

/** Whether a process with this id is in the process table (a zombie counts as gone: it runs nothing). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(
    `${signal} to \`mlreport repro\` ends the running stage and what it started: no orphan in the process table`,
    { skip: process.platform === 'win32' },
    async () => {
      const repo = new TempRepo();
      try {
        // The stage starts a long sleep in the background (as a training script starts workers) and waits for it.
        repo.write({ 'dvc.yaml': 'stages:\n  train:\n    cmd: sleep 300 & echo $! > worker.pid; echo $$ > shell.pid; wait\n' });
        const child = spawn(process.execPath, [DIST_CLI, 'repro'], { cwd: repo.dir, stdio: 'ignore' });
        const exited = new Promise<{ code: number | null; signal: string | null }>((r) => child.on('close', (code, sig) => r({ code, signal: sig })));
        const pidFile = (name: string) => join(repo.dir, name);
        assert.ok(await waitFor(() => existsSync(pidFile('worker.pid')) && existsSync(pidFile('shell.pid'))), 'the stage started');
        await sleep(100);
        const pids = ['worker.pid', 'shell.pid'].map((f) => Number(readFileSync(pidFile(f), 'utf8').trim()));
        for (const pid of pids) assert.ok(alive(pid), `${pid} runs before the signal`);
        child.kill(signal);
        const outcome = await exited;
        assert.equal(outcome.signal, signal, 'mlreport ends by the signal it was sent');
        for (const pid of pids) assert.ok(await waitFor(() => !alive(pid)), `process ${pid} of the stage still runs after mlreport ended`);
      } finally {
        repo.remove();
      }
    },
  );
}
