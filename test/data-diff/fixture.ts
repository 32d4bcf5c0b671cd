import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { md5sum } from '../helpers/md5sum';
import { TempRepo, tempDir } from '../helpers/repo';

/** A file's bytes placed in a DVC 3 store (cache or remote) where md5sum says it belongs. */
function place(store: string, bytes: string, suffix = ''): { md5: string; size: number } {
  const work = tempDir('mlreport-obj-');
  const file = join(work, 'obj');
  writeFileSync(file, bytes);
  const md5 = md5sum(file);
  const target = join(store, 'files', 'md5', md5.slice(0, 2), `${md5.slice(2)}${suffix}`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  rmSync(work, { recursive: true, force: true });
  return { md5, size: statSync(target).size };
}

/**
 * A directory output put into a store by hand: each file by its md5sum, then the `.dir` manifest as DVC writes its
 * bytes (entries sorted by relpath, Python's json.dumps separators, no trailing newline), named by its md5sum.
 */
function placeDir(store: string, files: Record<string, string>): { oid: string; size: number; nfiles: number; dirObject: string } {
  let size = 0;
  const entries = Object.keys(files)
    .sort()
    .map((relpath) => {
      const o = place(store, files[relpath]!);
      size += o.size;
      return `{"md5": "${o.md5}", "relpath": "${relpath}"}`;
    });
  const manifest = place(store, `[${entries.join(', ')}]`, '.dir');
  const oid = `${manifest.md5}.dir`;
  return { oid, size, nfiles: entries.length, dirObject: join(store, 'files', 'md5', oid.slice(0, 2), oid.slice(2)) };
}

function placeFile(store: string, bytes: string): { md5: string; size: number } {
  return place(store, bytes);
}

/** dvc.lock for one stage `prepare` writing the directory output `data/prepared`, as DVC 3 writes it. */
function lockFor(dir: { oid: string; size: number; nfiles: number }): string {
  return [
    "schema: '2.0'",
    'stages:',
    '  prepare:',
    '    cmd: python prepare.py',
    '    outs:',
    '    - path: data/prepared',
    '      hash: md5',
    `      md5: ${dir.oid}`,
    `      size: ${dir.size}`,
    `      nfiles: ${dir.nfiles}`,
    '',
  ].join('\n');
}

export const DVC_YAML = 'stages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n    - data/prepared\n';

/** `model.pkl.dvc` as `dvc add model.pkl` writes it. */
function dvcFileFor(file: { md5: string; size: number }): string {
  return `outs:\n- md5: ${file.md5}\n  size: ${file.size}\n  hash: md5\n  path: model.pkl\n`;
}

/** The base's and head's data of the example: one file added, one modified, one deleted, one renamed. */
const BASE_FILES = {
  'keep.txt': 'same\n',
  'train.csv': 'a,b,c\n1,2,3\n4,5,6\n',
  'old.txt': 'gone\n',
  'img/cat.png': 'PNG-bytes\n',
};
const HEAD_FILES = {
  'keep.txt': 'same\n',
  'train.csv': 'a,b,c,d\n1,2,3,4\n4,5,6,7\n"x\ny",8,9,10\n',
  'new.csv': 'k,v\n',
  'img/kitty.png': 'PNG-bytes\n',
};

/**
 * A git repository with a DVC project of two commits: `data/prepared` (a stage's directory output) and
 * `model.pkl` (`.dvc`-tracked) change between them; every object is in the local cache unless `cache` says not.
 */
export function twoCommitProject(options: { baseDirInCache?: boolean; baseCsvInCache?: boolean; remote?: string } = {}): TempRepo {
  const repo = new TempRepo('mlreport-datadiff-');
  const cache = join(repo.dir, '.dvc', 'cache');
  const base = placeDir(cache, BASE_FILES);
  const head = placeDir(cache, HEAD_FILES);
  const m1 = placeFile(cache, 'model v1\n');
  const m2 = placeFile(cache, 'model v2!\n');
  if (options.baseDirInCache === false) rmSync(base.dirObject);
  if (options.baseCsvInCache === false) {
    const csv = placeFile(cache, BASE_FILES['train.csv']);
    rmSync(join(cache, 'files', 'md5', csv.md5.slice(0, 2), csv.md5.slice(2)));
  }
  const config = options.remote ? `[core]\n    remote = store\n['remote "store"']\n    url = ${options.remote}\n` : '';
  repo.write({ '.dvc/config': config, '.dvc/.gitignore': '/cache\n/tmp\n/config.local\n', '.gitignore': '/data/prepared\n/model.pkl\n' });
  repo.commit('base', { 'dvc.yaml': DVC_YAML, 'dvc.lock': lockFor(base), 'model.pkl.dvc': dvcFileFor(m1) });
  repo.commit('head', { 'dvc.lock': lockFor(head), 'model.pkl.dvc': dvcFileFor(m2) });
  return repo;
}
