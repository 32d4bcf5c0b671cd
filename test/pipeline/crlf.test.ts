import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDataFile } from '../../src/dvc/formats';
import { runCli } from '../helpers/cli';
import { TempRepo, tempDir } from '../helpers/repo';

// Stage commands call this script, so the fixture needs no shell quoting (cmd.exe runs it too).
const COPY = "const fs = require('fs'); fs.writeFileSync(process.argv[3], fs.readFileSync(process.argv[2]));\n";

/** A project made on Linux: LF files, and a dvc.lock that mlreport's own repro wrote from them. */
function linuxMadeProject(): TempRepo {
  const repo = new TempRepo('mlreport-lf-');
  repo.git('config', 'core.autocrlf', 'false');
  repo.write({
    '.gitignore': '/out.csv\n',
    'copy.js': COPY,
    'data.csv': 'x,y\n1,2\n3,4\n',
    'model.bin': Buffer.from([0, 1, 2, 13, 10, 255]),
    'dvc.yaml': `stages:
  train:
    cmd: node copy.js data.csv out.csv
    deps: [data.csv, model.bin]
    outs: [out.csv]
`,
  });
  return repo;
}

describe('a CRLF checkout (core.autocrlf=true) of a Linux-made project', () => {
  test('status and repro name the line endings and the fix for each text dep; binary deps are unchanged', async () => {
    const origin = linuxMadeProject();
    const clones = tempDir('mlreport-crlf-');
    try {
      let r = await runCli(['repro'], origin.dir);
      assert.equal(r.code, 0, r.stderr);
      origin.commit('pipeline ran');
      const lf = readFileSync(join(origin.dir, 'data.csv'), 'utf8');

      // Git for Windows' default: text files get CRLF in the work tree.
      const clone = join(clones, 'win');
      execFileSync('git', ['-c', 'core.autocrlf=true', 'clone', '-q', origin.dir, clone]);
      assert.equal(readFileSync(join(clone, 'data.csv'), 'utf8'), lf.replace(/\n/g, '\r\n'));
      assert.deepEqual([...readFileSync(join(clone, 'model.bin'))], [0, 1, 2, 13, 10, 255]);

      r = await runCli(['status', '--json', '--no-pull'], clone);
      assert.equal(r.code, 0, r.stderr);
      const fix = "a CRLF checkout of LF data: add '* text=auto eol=lf' to .gitattributes, or set git config core.autocrlf false, and check out again";
      assert.deepEqual(JSON.parse(r.stdout), {
        train: [`dep data.csv: modified, only in its line endings (${fix})`, 'out out.csv: missing'],
      });
      r = await runCli(['repro', '--dry', '--no-pull'], clone);
      assert.match(
        r.stdout,
        /^train: would run \(dep data\.csv: modified, only in its line endings \(a CRLF checkout of LF data: add '\* text=auto eol=lf' to \.gitattributes/,
      );

      // The fix it names: a checkout with LF line ends is up to date.
      const fixed = join(clones, 'eol-lf');
      execFileSync('git', ['-c', 'core.autocrlf=false', 'clone', '-q', origin.dir, fixed]);
      r = await runCli(['status', '--no-pull'], fixed);
      assert.match(r.stdout, /^train:\n\tout out\.csv: missing\n$/);
      // Or the other fix: .gitattributes asks for LF in every checkout, core.autocrlf notwithstanding.
      origin.commit('LF checkouts', { '.gitattributes': '* text=auto eol=lf\n' });
      const attributed = join(clones, 'attributes');
      execFileSync('git', ['-c', 'core.autocrlf=true', 'clone', '-q', origin.dir, attributed]);
      r = await runCli(['status', '--no-pull'], attributed);
      assert.match(r.stdout, /^train:\n\tout out\.csv: missing\n$/);
    } finally {
      origin.remove();
      rmSync(clones, { recursive: true, force: true });
    }
  });

  test('a dep whose content changed is only "modified", with or without CRLF', async () => {
    const repo = linuxMadeProject();
    try {
      assert.equal((await runCli(['repro'], repo.dir)).code, 0);
      repo.write({ 'data.csv': 'x,y\r\n1,2\r\n3,5\r\n' });
      const r = await runCli(['status', '--json', '--no-pull'], repo.dir);
      assert.deepEqual(JSON.parse(r.stdout), { train: ['dep data.csv: modified'] });
    } finally {
      repo.remove();
    }
  });
});

describe('params files read with universal newlines, as DVC opens them (Python text mode)', () => {
  test('multi-line TOML strings and backslash-continued Python strings from a CRLF checkout', () => {
    const toml = parseDataFile('params.toml', 'doc = """\r\none\r\ntwo"""\r\nlit = \'\'\'\r\na\r\nb\'\'\'\r\n').data as Map<string, unknown>;
    assert.deepEqual(
      [...toml],
      [
        ['doc', 'one\ntwo'],
        ['lit', 'a\nb'],
      ],
    );
    const py = parseDataFile('params.py', 'NAME = "abc\\\r\ndef"\r\nDOC = """one\r\ntwo"""\r\nOLD_MAC = 1\rLAST = 2\n').data as Map<string, unknown>;
    assert.deepEqual(
      [...py],
      [
        ['NAME', 'abcdef'],
        ['DOC', 'one\ntwo'],
        ['OLD_MAC', 1],
        ['LAST', 2],
      ],
    );
  });
});
