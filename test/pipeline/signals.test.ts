import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST_CLI } from '../helpers/cli';
import { alive, gone, waitFor } from '../helpers/processes';
import { TempRepo } from '../helpers/repo';

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
        for (const pid of pids) assert.ok(await gone(pid), `process ${pid} of the stage still runs after mlreport ended`);
      } finally {
        repo.remove();
      }
    },
  );
}
