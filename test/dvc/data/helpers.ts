import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { md5sum } from '../../helpers/md5sum';

// An independent tool decides object names and places in these tests.
export { md5sum };

/** Puts `file` into a DVC 3 store (remote or cache root) where `md5sum` says it belongs; returns its md5. */
export function placeByMd5sum(store: string, file: string, legacy = false): string {
  const md5 = md5sum(file);
  const target = join(store, ...(legacy ? [] : ['files', 'md5']), md5.slice(0, 2), md5.slice(2));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  return md5;
}

export function temp(prefix = 'mlreport-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The directory of the reference's worked example (b) — `a.txt` = `a\n`, `sub/b.txt` = `b\n` — and its `.dir`
 * manifest written by hand as DVC's bytes, placed by md5sum into `store`.
 */
export const EXAMPLE_DIR = {
  oid: '849835d274483dc683eb416d6e4f887d.dir',
  bytes: '[{"md5": "60b725f10c9c85c70d97880dfe8191b3", "relpath": "a.txt"}, {"md5": "3b5d5c3712955042212316173ccf37be", "relpath": "sub/b.txt"}]',
};

export function exampleDirInStore(store: string, legacy = false): void {
  const work = temp();
  writeFileSync(join(work, 'a'), 'a\n');
  writeFileSync(join(work, 'b'), 'b\n');
  writeFileSync(join(work, 'manifest'), EXAMPLE_DIR.bytes);
  placeByMd5sum(store, join(work, 'a'), legacy);
  placeByMd5sum(store, join(work, 'b'), legacy);
  const md5 = md5sum(join(work, 'manifest'));
  const target = join(store, ...(legacy ? [] : ['files', 'md5']), md5.slice(0, 2), `${md5.slice(2)}.dir`);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'manifest'), target);
}
