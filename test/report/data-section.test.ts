import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataSection } from '../../src/data-diff/types';
import { fitReport } from '../../src/report/fit';
import { composeMarkdown, REPORT_FILE } from '../../src/report/markdown';
import { parseReportJson } from '../../src/report/parse';
import { reportJson } from '../../src/report/to-json';
import { reportOf } from '../helpers/report';
import { reportData } from '../publish/github-fixtures';

function report(data: DataSection | null) {
  return reportOf({
    schemaVersion: 2,
    tool: { name: 'mlreport', version: '0.0.0' },
    base: { sha: 'a'.repeat(40), label: 'main' },
    head: { sha: null, label: 'workspace' },
    params: [],
    metrics: [],
    plots: [],
    gates: null,
    pipeline: null,
    warnings: [],
    data,
  });
}

const SECTION: DataSection = {
  added: [{ path: 'data/new.csv', md5: '1'.repeat(32), size: 2048 }],
  deleted: [],
  modified: [{ path: 'data/', old: { md5: `${'2'.repeat(32)}.dir`, size: 10 }, new: { md5: `${'3'.repeat(32)}.dir`, size: 3 * 1024 * 1024 } }],
  renamed: [{ path: { old: 'a.bin', new: 'b.bin' }, md5: '4'.repeat(32), size: null }],
  notInCache: [{ path: 'raw/', reason: 'main: raw: object 5….dir missing from remote' }],
  tables: [{ path: 'data/new.csv', base: null, head: { rows: 1200, columns: 4 } }],
  notes: [],
};

describe('the "Data changes" section and report.json `data`', () => {
  test('a table of changes with sizes, the CSV shapes, what was not compared; none without data', () => {
    const md = composeMarkdown(report(SECTION));
    assert.match(md, /### Data changes\n\n1 added, 1 renamed \(DVC-tracked files; directories listed too\)\.\n/);
    assert.match(md, /\| added \| `data\/new\.csv` \| – \| 2\.0 KiB \|/);
    assert.match(md, /\| modified \| `data\/` \| 10 B \| 3\.0 MiB \|/);
    assert.match(md, /\| renamed \| `a\.bin` → `b\.bin` \| \? \| \? \|/);
    assert.match(
      md,
      /\| 3\.0 MiB \|\n\n`\?`: a file inside a directory output whose object is not in this run's DVC cache/,
      'a ? is explained once under the table',
    );
    assert.equal(md.split('`?`:').length, 2);
    assert.match(md, /\| `data\/new\.csv` \| – \| 1,200 × 4 \|/);
    assert.match(md, /- `raw\/`: main: raw: object 5….dir missing from remote/);
    assert.doesNotMatch(composeMarkdown(report(null)), /Data changes/);
  });

  test('a changed directory whose manifests could not be read: the first line says what is known, not that nothing changed', () => {
    const dir = { path: 'eval/', old: { md5: `${'7'.repeat(32)}.dir`, size: 1000 }, new: { md5: `${'8'.repeat(32)}.dir`, size: 2000 } };
    const unread = { path: 'eval/', reason: "HEAD~1: eval: object 7….dir missing from remote 'r'" };
    const only: DataSection = { added: [], deleted: [], modified: [dir], renamed: [], notInCache: [unread], tables: [], notes: [] };
    const md = composeMarkdown(report(only));
    assert.match(
      md,
      /### Data changes\n\n`eval\/` changed \(its md5 differs\), but which of its files changed is not known: they could not be listed \(why below, under "Not compared"\)\.\n\n\| Change/,
    );
    assert.doesNotMatch(md, /No DVC-tracked file changed/);
    const withFiles = composeMarkdown(
      report({
        ...only,
        added: [{ path: 'raw/', md5: `${'9'.repeat(32)}.dir`, size: 5 }],
        modified: [dir, { path: 'model.pkl', old: { md5: '1'.repeat(32), size: 9 }, new: { md5: '2'.repeat(32), size: 10 } }],
        notInCache: [unread, { path: 'raw/', reason: 'workspace: …' }],
      }),
    );
    assert.match(
      withFiles,
      /\n1 modified \(DVC-tracked files; directories listed too\)\. Also, `raw\/` was added and `eval\/` changed \(its md5 differs\), but which of their files changed is not known: they could not be listed/,
    );
    // Listed but unchanged (the same md5 at both sides): nothing changed among what was compared, and no more is claimed.
    const unchanged = composeMarkdown(report({ ...only, modified: [] }));
    assert.match(unchanged, /### Data changes\n\nNo DVC-tracked file changed among those compared \(the directories below could not be\)\.\n/);
    assert.match(composeMarkdown(report({ ...only, modified: [], notInCache: [] })), /### Data changes\n\nNo DVC-tracked file changed\.\n/);
  });

  test('long lists fold into <details>, and past 200 rows the rest is left to report.json', () => {
    const many = { ...SECTION, added: Array.from({ length: 250 }, (_, i) => ({ path: `d/f${String(i).padStart(3, '0')}`, md5: null, size: 1 })) };
    const md = composeMarkdown(report(many));
    assert.match(md, /<details><summary>252 changed paths<\/summary>/);
    assert.match(md, /\| … \| 52 more in report\.json \| \| \|/);
    assert.equal((md.match(/^\| added \|/gm) ?? []).length, 200);
    assert.doesNotMatch(md, /`\?`:/, 'no ? drawn, nothing to explain');
  });

  test('report.json read back (mode: publish) keeps `data` as written', () => {
    const r = report(SECTION);
    assert.deepEqual(parseReportJson(JSON.stringify(reportJson(r))).data, SECTION);
    assert.throws(
      () => parseReportJson(JSON.stringify({ ...reportJson(r), data: { ...SECTION, added: [{ path: 3 }] } })),
      /'data\.added\[0\]\.path' must be a string/,
    );
  });

  test('a comment folded to its limit keeps the section while it fits, and drops it whole when it does not', () => {
    // 1,400 unchanged metrics: folded, with room for the section.
    const r = { ...reportData([], 1400, 3), data: SECTION };
    const folded = fitReport(r, REPORT_FILE, { limit: 20_000, fullReportUrl: null });
    assert.equal(folded.folded, true);
    assert.match(folded.body, /### Data changes\n\n1 added, 1 renamed/);
    const tight = fitReport(r, REPORT_FILE, { limit: 600, fullReportUrl: null });
    assert.doesNotMatch(tight.body, /Data changes/);
    assert.ok(tight.body.length <= 600);
  });
});
