// Compares our hashes with the dvc.lock of a real public DVC project. It needs a git clone of one (for
// example iterative/example-get-started) and runs only when MLREPORT_DVC_PROJECT_GIT_DIR points at its git
// directory; otherwise it is skipped. Nothing of that project is stored here: the expected values are
// read from its own dvc.lock at test time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcIgnore } from '../../src/pipeline/dvcignore';
import { hashPath } from '../../src/pipeline/hash';
import { parseLock, renderLock } from '../../src/pipeline/lock';
import { parseDataFile } from '../../src/dvc/formats';
import { pyEqual, type RawMap } from '../../src/dvc/python/value';
import { getParam } from '../../src/pipeline/status';
import { tempDir } from '../helpers/repo';

const gitDir = process.env.MLREPORT_DVC_PROJECT_GIT_DIR;

test(
  'git-tracked deps and params of a public DVC project hash as its dvc.lock says',
  { skip: gitDir ? false : 'set MLREPORT_DVC_PROJECT_GIT_DIR to a DVC project clone' },
  async () => {
    const git = (...args: string[]): Buffer => execFileSync('git', ['--git-dir', gitDir!, ...args], { maxBuffer: 1 << 30 });
    const commits = git('log', '--format=%H', '--', 'dvc.lock').toString().trim().split('\n').filter(Boolean);
    let files = 0;
    let params = 0;
    for (const commit of commits) {
      const lockText = git('show', `${commit}:dvc.lock`).toString('utf8');
      const lock = parseLock(lockText);
      assert.equal(renderLock(lock, lock.stages), lockText, `${commit}: dvc.lock re-rendered differs`);
      const tracked = new Set(git('ls-tree', '-r', '--name-only', commit).toString().split('\n'));
      const dir = tempDir('mlreport-public-');
      try {
        for (const [name, stage] of lock.stages) {
          for (const entry of [...stage.deps, ...stage.outs]) {
            if (!tracked.has(entry.path) || entry.md5 === null) continue;
            mkdirSync(join(dir, ...entry.path.split('/').slice(0, -1)), { recursive: true });
            writeFileSync(join(dir, ...entry.path.split('/')), git('show', `${commit}:${entry.path}`));
            const meta = await hashPath(dir, entry.path, new DvcIgnore(dir), entry.hashName);
            const what = `${commit.slice(0, 7)} ${name} ${entry.path}`;
            assert.equal(meta?.md5, entry.md5, what);
            if (entry.size !== undefined) assert.equal(meta?.size, entry.size, what);
            files++;
          }
          for (const [file, values] of stage.params) {
            if (!tracked.has(file)) continue;
            const data = parseDataFile(file, git('show', `${commit}:${file}`).toString('utf8')).data as RawMap;
            for (const [key, value] of values) {
              assert.ok(pyEqual(getParam(data, key), value), `${commit.slice(0, 7)} ${name} ${file}:${key}`);
              params++;
            }
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    process.stdout.write(`# compared ${files} file hashes and ${params} params values over ${commits.length} commits\n`);
    assert.ok(files > 0, 'no git-tracked deps or outs to compare');
  },
);
