import { mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { outputPlaceRefused } from '../../src/workspace/output-place';
import { tempDir } from '../helpers/repo';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test(
  'where an output may be written or deleted: inside the project, through links that stay in it; not out of it, nor in .git/ or .dvc/',
  { skip: process.platform === 'win32' && 'symlinks need extra rights on Windows' },
  () => {
    const root = tempDir();
    const outside = tempDir();
    dirs.push(root, outside);
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'runs', '7'), { recursive: true });
    symlinkSync(join('runs', '7'), join(root, 'models'));
    symlinkSync('.', join(root, 'here'));
    symlinkSync(outside, join(root, 'ext'));
    symlinkSync('.git', join(root, 'g'));
    symlinkSync('nowhere', join(root, 'dangling'));
    symlinkSync('loop', join(root, 'loop'));
    // Plain folders, links that stay in the project, folders yet to be made, links to nothing (nothing can be made through them).
    for (const path of ['out.txt', 'a/b/c.txt', 'models/m.json', 'models/new/m.json', 'here/x', 'dangling/x', 'loop/x', 'ext', 'g']) {
      assert.equal(outputPlaceRefused(root, path), null, path);
    }
    const [git, away] = [realpathSync(join(root, '.git')), realpathSync(outside)];
    const refused: [string, string][] = [
      ['ext/secret.json', `'ext' on the way to it is a link to ${away}, outside the project`],
      ['ext/new/x', `'ext' on the way to it is a link to ${away}, outside the project`],
      ['g/config', `'g' on the way to it is a link to ${git}, inside .git/, which holds git's own files`],
      ['here/g/config', `'here/g' on the way to it is a link to ${git}, inside .git/, which holds git's own files`],
      ['.git/config', "it is inside .git/, which holds git's own files"],
      ['sub/.DVC/config.local', "it is inside .DVC/, which holds DVC's own files"],
      ['../x', 'it is outside the project'],
      ['a/../../x', 'it is outside the project'],
      ['/etc/passwd', 'it is outside the project'],
    ];
    for (const [path, why] of refused) assert.equal(outputPlaceRefused(root, path), why, path);
  },
);
