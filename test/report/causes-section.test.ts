import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { causesSection } from '../../src/report/causes-section';
import { fitReport } from '../../src/report/fit';
import { composeMarkdown, REPORT_FILE } from '../../src/report/markdown';
import { parseReportJson } from '../../src/report/parse';
import { reportJson } from '../../src/report/to-json';
import { diffRow } from '../../src/values/diff';
import type { FileDiff, MetricCauses } from '../../src/values/types';
import { reportOf } from '../helpers/report';

const CAUSES: MetricCauses = {
  basis: 'pipeline',
  stage: 'evaluate',
  stages: [
    { name: 'prepare', status: 'updated', reasons: [], definition: null },
    { name: 'train', status: 'ran', reasons: ['param params.yaml:train.epochs: modified'], definition: 'command' },
    { name: 'evaluate', status: 'ran', reasons: ['dep model.pkl: modified'], definition: null },
  ],
  params: [
    { file: 'params.yaml', key: 'train.epochs', old: 100, new: 15, stages: ['train'] },
    { file: 'config/model.yaml', key: 'dropout', new: 0.1, stages: ['train', 'evaluate'] },
  ],
  files: [{ path: 'src/train.py', added: 12, deleted: 3, binary: false, stages: ['train'] }],
  data: [
    { path: 'data/raw', source: '.dvc', old: { size: 1000, nfiles: 3 }, new: { size: 1010, nfiles: 4 }, stages: ['prepare'] },
    { path: 'data/extra.csv', source: 'dvc.lock', old: null, new: { size: 2_500_000, nfiles: null }, stages: ['prepare'] },
  ],
  unknown: ["stage 'evaluate' not in dvc.lock at head: changes to its data unknown"],
  omitted: 0,
  nothingUpstream: false,
};

function metrics(n: number, causes: MetricCauses = CAUSES): FileDiff[] {
  const rows = Array.from({ length: n }, (_, i) => ({ ...diffRow(`m${i}`, 0.5, 0.4), causes }));
  return [{ path: 'metrics.json', rows, notes: [] }];
}

describe('the "Why it changed" lines', () => {
  test("a metric whose file could not be read at the base is not 'added': its value, not known at the base", () => {
    const row = { ...diffRow('acc', undefined, 0.7), causes: CAUSES };
    const unread: FileDiff[] = [{ path: 'm.json', rows: [row], notes: ['not known at main: dvc.yaml does not load there'] }];
    assert.match(causesSection(unread, { base: 'main' })!, /^- `acc` 0\.7 \(not known at the base\) ← /m);
    // Not there at the base (a plain absence), or no base label given: added, as before.
    assert.match(causesSection([{ ...unread[0]!, notes: ['not present at main'] }], { base: 'main' })!, /^- `acc` added \(0\.7\) ← /m);
    assert.match(causesSection(unread)!, /^- `acc` added \(0\.7\) ← /m);
  });

  test("a metric whose file could not be read at the head is not 'removed': its base value, not known at the head, and why", () => {
    const nothing: MetricCauses = { ...CAUSES, stages: [], params: [], files: [], data: [], unknown: [], nothingUpstream: true };
    const why = "not present at feat (DVC-cached) and cannot be read: eval: object e7c2.dir missing from remote 'storage'";
    const gone = (notes: string[], causes = nothing): FileDiff[] => [
      { path: 'eval/metrics.json', rows: [{ ...diffRow('test.roc_auc', 0.7778, undefined), causes }], notes },
    ];
    // Nothing upstream changed: the file could not be read, and that is all the line says; no guess at a hand at work.
    assert.equal(
      causesSection(gone([why]), { base: 'main', head: 'feat' }),
      '#### Why it changed\n\n' +
        "- `test.roc_auc` was 0.7778 (not known at the head) ← nothing upstream of `evaluate` changed; `eval/metrics.json` not present at feat (DVC-cached) and cannot be read: eval: object e7c2.dir missing from remote 'storage'",
    );
    // With causes upstream (a stage that did not run), the file that could not be read comes after them.
    const notRun: MetricCauses = {
      ...CAUSES,
      stages: [{ name: 'featurize', status: 'not-run', reasons: ["upstream stage 'prepare' failed"], definition: null }],
      unknown: [],
    };
    assert.match(
      causesSection(gone([why], { ...notRun, params: [{ file: 'params.yaml', key: 'lr', old: 1, new: 2, stages: ['featurize'] }], files: [], data: [] }), {
        head: 'feat',
      })!,
      /^- `test\.roc_auc` was 0\.7778 \(not known at the head\) ← `featurize` did not run \(upstream stage 'prepare' failed\): `lr` 1→2; `eval\/metrics\.json` not present at feat \(DVC-cached\)/m,
    );
    // A file that does not parse at the head, or whose `.dvc` file does not load there: not read either.
    for (const note of ['feat: eval/metrics.json:3:1: invalid JSON', 'not known at feat: eval.dvc, which tracks it, does not load there']) {
      assert.match(
        causesSection(gone([note]), { head: 'feat' })!,
        new RegExp(`was 0\\.7778 \\(not known at the head\\) ← nothing upstream of \`evaluate\` changed; `),
      );
    }
    // Not there at the head (deleted), or a warning only: removed, as before.
    for (const notes of [['not present at feat'], ['feat: line 3: key "a" repeats; the last value counts (as in DVC)'], []]) {
      assert.match(
        causesSection(gone(notes), { base: 'main', head: 'feat' })!,
        /^- `test\.roc_auc` removed \(was 0\.7778\) ← nothing upstream of `evaluate` changed: likely a values file renamed or edited by hand$/m,
      );
    }
  });

  test('a metric not known at the base: the line says which file could not be read there, and guesses nothing', () => {
    const nothing: MetricCauses = { ...CAUSES, stages: [], params: [], files: [], data: [], unknown: [], nothingUpstream: true };
    const note = "not in git at main (DVC-cached) and cannot be read: object 0a1b missing from remote 'storage'";
    const line = causesSection([{ path: 'm.json', rows: [{ ...diffRow('acc', undefined, 0.7), causes: nothing }], notes: [note] }], {
      base: 'main',
      head: 'feat',
    })!;
    assert.match(
      line,
      /^- `acc` 0\.7 \(not known at the base\) ← nothing upstream of `evaluate` changed; `m\.json` not in git at main \(DVC-cached\) and cannot be read: object 0a1b missing from remote 'storage'$/m,
    );
  });

  test('a stage that did not run says so, and why; one out of date would re-run', () => {
    const stages = (status: 'not-run' | 'out-of-date', reasons: string[]): MetricCauses => ({
      ...CAUSES,
      stages: [{ name: 'train', status, reasons, definition: null }],
      params: [],
      data: [],
      unknown: [],
    });
    assert.match(
      causesSection(metrics(1, stages('not-run', ["upstream stage 'prepare' failed"])))!,
      /^- `m0` −0\.1 \(−20%\) ← `train` did not run \(upstream stage 'prepare' failed\): `src\/train\.py` \+12\/−3$/m,
    );
    assert.match(causesSection(metrics(1, stages('out-of-date', ['dep src/train.py: modified'])))!, /← `train` would re-run: `src\/train\.py` \+12\/−3$/m);
  });

  test('grouped by the stage that depends on each cause, upstream first; a cause shared by two stages is named once; unknowns last', () => {
    const section = causesSection(metrics(1))!;
    assert.equal(
      section,
      '#### Why it changed\n\n' +
        '- `m0` −0.1 (−20%) ← `prepare` re-ran in this change (dvc.lock): `data/raw` 1000 B→1010 B, 3→4 files, `data/extra.csv` added (2.4 MiB); ' +
        '`train` re-ran: command changed, `train.epochs` 100→15, `config/model.yaml:dropout` added (0.1), `src/train.py` +12/−3; ' +
        "stage 'evaluate' not in dvc.lock at head: changes to its data unknown",
    );
  });

  test('metrics with the same causes share a line, five named and then how many more; past ten lines they are folded', () => {
    const many: MetricCauses = {
      ...CAUSES,
      files: Array.from({ length: 12 }, (_, i) => ({ path: `src/f${i}.py`, added: 1, deleted: 0, binary: false, stages: ['train'] })),
      omitted: 3,
    };
    const shared = causesSection(metrics(11, many))!;
    assert.match(
      shared,
      /^#### Why it changed\n\n- `m0` −0\.1 \(−20%\), `m1` −0\.1 \(−20%\), `m2` [^←]*, `m4` −0\.1 \(−20%\), and 6 more ← `prepare` re-ran in this change \(dvc\.lock\)/,
    );
    assert.match(shared, /`src\/f2\.py` \+1\/−0, and 12 more; stage 'evaluate'/);
    assert.equal(shared.split('\n').length, 3, 'one line for the eleven');
    // Thousands are grouped as every other count of the report is.
    const thousands = causesSection(metrics(2, { ...many, omitted: 2990 }))!;
    assert.match(thousands, /, and 2,999 more; stage 'evaluate'/);
    // Eleven causes (eleven stages' worth): a line each, folded.
    const rows = metrics(11)[0]!.rows.map((row, i) => ({ ...row, causes: { ...many, stage: `stage${i}` } }));
    const folded = causesSection([{ path: 'metrics.json', rows, notes: [] }])!;
    assert.match(folded, /^#### Why it changed\n\n<details><summary>11 changed metrics<\/summary>\n\n- `m0` /);
    assert.equal(folded.split('\n').filter((l) => l.startsWith('- ')).length, 11);
    assert.match(folded, /<\/details>$/);
  });

  test('nothing upstream changed: a value that moved is likely non-determinism; metrics that only came or went, a hand at work', () => {
    // With a pipeline that writes the file: nothing it reads changed, so the run itself gave another number.
    const nothing: MetricCauses = {
      basis: 'no-pipeline',
      stage: null,
      stages: [],
      params: [],
      files: [],
      data: [],
      unknown: [],
      omitted: 0,
      nothingUpstream: true,
    };
    const upstream: MetricCauses = { ...CAUSES, stages: [], params: [], files: [], data: [], unknown: [], nothingUpstream: true };
    // Without a stage that writes the file, nothing is known of how its values were made: the line says what is known.
    for (const basis of ['no-pipeline', 'no-stage'] as const) {
      const line = causesSection([{ path: 'metrics.json', rows: [{ ...diffRow('acc', 0.5, 0.4), causes: { ...nothing, basis } }], notes: [] }])!;
      const head = basis === 'no-pipeline' ? 'no pipeline' : 'no stage writes this file';
      assert.match(line, new RegExp(`← ${head}, and no param, file or data changed: only the file itself changed$`));
      assert.doesNotMatch(line, /non-determinism/);
    }
    for (const [causes, head] of [[upstream, 'nothing upstream of `evaluate` changed']] as const) {
      const moved = causesSection([{ path: 'metrics.json', rows: [{ ...diffRow('acc', 0.5, 0.4), causes }], notes: [] }]);
      assert.match(moved!, new RegExp(`← ${head}: likely non-determinism \\(seed, data order, hardware\\)$`));
      const cameAndWent = [
        { path: 'm', rows: [{ ...diffRow('acc', 0.5, undefined), causes }], notes: [] },
        { path: 'm/a.json', rows: [{ ...diffRow('acc', undefined, 0.6), causes }], notes: [] },
      ];
      assert.match(
        causesSection(cameAndWent)!,
        new RegExp(`- \`m: acc\` removed \\(was 0\\.5\\), \`m/a\\.json: acc\` added \\(0\\.6\\) ← ${head}: likely a values file renamed or edited by hand$`),
      );
      // One value that moved among them: chance can explain that one.
      assert.match(causesSection([...cameAndWent, { path: 'x.json', rows: [{ ...diffRow('acc', 1, 2), causes }], notes: [] }])!, /likely non-determinism/);
    }
  });

  test('no row with causes (no base, nothing changed): no section', () => {
    const rows = [diffRow('acc', 0.5, 0.5)];
    assert.equal(causesSection([{ path: 'metrics.json', rows, notes: [] }]), null);
    const report = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0' },
      base: null,
      head: { sha: null, label: 'workspace' },
      params: [],
      metrics: [{ path: 'metrics.json', rows, notes: [] }],
      plots: [],
      gates: null,
      pipeline: null,
      warnings: [],
    });
    assert.doesNotMatch(composeMarkdown(report), /Why it changed/);
  });

  test('report.json keeps causes through `mode: publish` reading it back; a wrong field is named', () => {
    const report = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0' },
      base: { sha: 'a'.repeat(40), label: 'main' },
      head: { sha: null, label: 'workspace' },
      params: [],
      metrics: metrics(1),
      plots: [],
      gates: null,
      pipeline: null,
      warnings: [],
    });
    const text = JSON.stringify(reportJson(report));
    assert.deepEqual(parseReportJson(text).metrics[0]!.rows[0]!.causes, CAUSES);
    assert.match(composeMarkdown(parseReportJson(text)), /← `prepare` re-ran in this change \(dvc\.lock\)/);
    const bad = text.replace('"basis":"pipeline"', '"basis":"guess"');
    assert.throws(() => parseReportJson(bad), /'causes\[0\]\.basis' must be one of "pipeline", "no-pipeline", "no-stage", not "guess"/);
    // A row pointing past the list, or at a list that is empty, is refused by name.
    const json = reportJson(report);
    json.metrics[0]!.rows[0]!.causes = 1;
    assert.throws(() => parseReportJson(JSON.stringify(json)), /'metrics\[0\]\.rows\[0\]\.causes' must be an index into 'causes' \(0 to 0\), not 1/);
    assert.throws(
      () => parseReportJson(JSON.stringify({ ...json, causes: [] })),
      /'metrics\[0\]\.rows\[0\]\.causes' must be absent \('causes' is empty\), not 1/,
    );
    const { causes: _, ...noList } = reportJson(report);
    assert.throws(() => parseReportJson(JSON.stringify(noList)), /'causes' must be a list, not missing/);
  });

  test('a report folded to fit a comment keeps the lines, before the unchanged rows', () => {
    const unchanged = Array.from({ length: 3000 }, (_, i) => diffRow(`unchanged_metric_${i}`, 1, 1));
    const report = reportOf({
      schemaVersion: 2,
      tool: { name: 'mlreport', version: '0' },
      base: { sha: 'a'.repeat(40), label: 'main' },
      head: { sha: null, label: 'workspace' },
      params: [],
      metrics: [{ ...metrics(1)[0]!, rows: [...metrics(1)[0]!.rows, ...unchanged] }],
      plots: [],
      gates: null,
      pipeline: null,
      warnings: [],
    });
    const { body, folded } = fitReport(report, REPORT_FILE, { fullReportUrl: null, limit: 20_000 });
    assert.equal(folded, true);
    assert.ok(body.length <= 20_000);
    assert.match(
      body,
      /### Changed metrics[\s\S]*#### Why it changed\n\n- `m0` −0\.1 \(−20%\) ← `prepare` re-ran in this change \(dvc\.lock\)[\s\S]*Unchanged metrics/,
    );
  });
});
