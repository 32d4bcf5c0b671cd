import type { DataSection, DataVersion, TableShape } from '../data-diff/types';
import type { NoiseBand } from '../gate/types';
import type { HistoryNotKnown, HistorySection, HistoryStats } from '../history/types';
import type { DataCause, FileDiff, Leaf, MetricCauses, ValueRow } from '../values/types';
import { verdictOf } from './verdict';
import type { GateRuleResult, GateSummary, PipelineSummary, PlotEntry, PlotSeries, ReportData, RevisionInfo, TrendEntry } from './types';

/** What is wrong with a report.json: the key path (`plots[2].image`) and what was expected there. */
export class ReportJsonError extends Error {}

type Reader<T> = (value: unknown, at: string) => T;

/**
 * report.json checked field by field against ReportData (docs/report-schema.md): every key the report is drawn
 * from has the type it should, image paths stay inside the report's folder, nothing else is kept. It may come from
 * a workflow that ran a pull request's code (`mode: publish`), so nothing is assumed. Throws ReportJsonError naming
 * the first key that is wrong. Pure.
 */
export function parseReportJson(text: string): ReportData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportJsonError(`not JSON (${(error as Error).message})`);
  }
  return report(json, '');
}

const report: Reader<ReportData> = (v, at) => {
  const o = object(v, at);
  if (o.schemaVersion !== 2) fail(`${key(at, 'schemaVersion')}`, 'the number 2', o.schemaVersion);
  const tool = object(o.tool, key(at, 'tool'));
  if (tool.name !== 'mlreport') fail(key(at, 'tool.name'), '"mlreport"', tool.name);
  // Rows name their causes by index into this list (written once however many rows share them).
  const causes = list(causesReader)(o.causes, key(at, 'causes'));
  const data: Omit<ReportData, 'verdict'> = {
    schemaVersion: 2,
    tool: { name: 'mlreport', version: string(tool.version, key(at, 'tool.version')) },
    base: nullable(revision)(o.base, key(at, 'base')),
    // Reports from before it was written have none: without a base they read as having none to compare with.
    ...(o.baseUnread === undefined ? {} : { baseUnread: string(o.baseUnread, key(at, 'baseUnread')) }),
    ...(o.baseFallback === undefined ? {} : { baseFallback: string(o.baseFallback, key(at, 'baseFallback')) }),
    head: revision(o.head, key(at, 'head')),
    params: list(fileDiff(row(null)))(o.params, key(at, 'params')),
    metrics: list(fileDiff(row(causes)))(o.metrics, key(at, 'metrics')),
    plots: list(plot)(o.plots, key(at, 'plots')),
    gates: nullable(gates)(o.gates, key(at, 'gates')),
    pipeline: nullable(pipeline)(o.pipeline, key(at, 'pipeline')),
    warnings: list(string)(o.warnings, key(at, 'warnings')),
    directions:
      optional(
        list((d, a) => {
          const x = object(d, a);
          return { metric: string(x.metric, key(a, 'metric')), better: oneOf(['higher', 'lower'] as const)(x.better, key(a, 'better')) };
        }),
      )(o.directions, key(at, 'directions')) ?? [],
    stale:
      optional(
        list((d, a) => {
          const x = object(d, a);
          return { stage: string(x.stage, key(a, 'stage')), reasons: list(string)(x.reasons, key(a, 'reasons')) };
        }),
      )(o.stale, key(at, 'stale')) ?? [],
    ...(o.data === undefined ? {} : { data: nullable(dataSection)(o.data, key(at, 'data')) }),
    // Reports from before it was written have none: the aggregate then reads their metrics files' notes.
    ...(o.notKnownAtBase === undefined ? {} : { notKnownAtBase: filesWithWhy(o.notKnownAtBase, key(at, 'notKnownAtBase')) }),
    ...(o.freshnessUnknown === undefined ? {} : { freshnessUnknown: filesWithWhy(o.freshnessUnknown, key(at, 'freshnessUnknown')) }),
    // Reports from before history existed have none.
    history: optional(nullable(history))(o.history, key(at, 'history')) ?? null,
    trends: optional(list(trend))(o.trends, key(at, 'trends')) ?? [],
  };
  // The verdict is derived: recomputed from the fields just checked, so the first line cannot disagree with them.
  return { ...data, verdict: verdictOf(data) };
};

/** A list of metrics files, each with why (`notKnownAtBase`, `freshnessUnknown`). */
const filesWithWhy: Reader<{ file: string; why: string }[]> = list((d, a) => {
  const x = object(d, a);
  return { file: string(x.file, key(a, 'file')), why: string(x.why, key(a, 'why')) };
});

const revision: Reader<RevisionInfo> = (v, at) => {
  const o = object(v, at);
  return { sha: nullable(string)(o.sha, key(at, 'sha')), label: string(o.label, key(at, 'label')) };
};

function fileDiff(row: Reader<ValueRow>): Reader<FileDiff> {
  return (v, at) => {
    const o = object(v, at);
    return { path: string(o.path, key(at, 'path')), rows: list(row)(o.rows, key(at, 'rows')), notes: list(string)(o.notes, key(at, 'notes')) };
  };
}

/** A values row; `causes`, the report's list that metrics rows point into (null for params rows, which have none). */
function row(causes: MetricCauses[] | null): Reader<ValueRow> {
  return (v, at) => {
    const o = object(v, at);
    const out: ValueRow = {
      key: string(o.key, key(at, 'key')),
      old: optional(leaf)(o.old, key(at, 'old')),
      new: optional(leaf)(o.new, key(at, 'new')),
      changed: boolean(o.changed, key(at, 'changed')),
    };
    const diff = optional(change)(o.diff, key(at, 'diff'));
    const relative = optional(change)(o.relative, key(at, 'relative'));
    if (diff !== undefined) out.diff = diff;
    if (relative !== undefined) out.relative = relative;
    if (causes && o.causes !== undefined) {
      const where = key(at, 'causes');
      const index = o.causes;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= causes.length) {
        fail(where, causes.length ? `an index into 'causes' (0 to ${causes.length - 1})` : "absent ('causes' is empty)", index);
      }
      out.causes = causes[index]!;
    }
    return out;
  };
}

const causesReader: Reader<MetricCauses> = (v, at) => {
  const o = object(v, at);
  const stages = list(string);
  const extent = nullable((e, a) => {
    const x = object(e, a);
    return { size: nullable(number)(x.size, key(a, 'size')), nfiles: nullable(number)(x.nfiles, key(a, 'nfiles')) };
  });
  return {
    basis: oneOf(['pipeline', 'no-pipeline', 'no-stage'] as const)(o.basis, key(at, 'basis')),
    stage: nullable(string)(o.stage, key(at, 'stage')),
    stages: list((s, a) => {
      const x = object(s, a);
      return {
        name: string(x.name, key(a, 'name')),
        status: oneOf(['ran', 'failed', 'not-run', 'out-of-date', 'updated', 'new', 'unchanged', 'unknown'] as const)(x.status, key(a, 'status')),
        reasons: list(string)(x.reasons, key(a, 'reasons')),
        definition: nullable(oneOf(['command', 'definition', 'new'] as const))(x.definition, key(a, 'definition')),
        ...(x.staleAtBase !== undefined && { staleAtBase: list(string)(x.staleAtBase, key(a, 'staleAtBase')) }),
      };
    })(o.stages, key(at, 'stages')),
    params: list((p, a) => {
      const x = object(p, a);
      const param: MetricCauses['params'][number] = {
        file: string(x.file, key(a, 'file')),
        key: string(x.key, key(a, 'key')),
        stages: stages(x.stages, key(a, 'stages')),
      };
      const old = optional(leaf)(x.old, key(a, 'old'));
      const now = optional(leaf)(x.new, key(a, 'new'));
      if (old !== undefined) param.old = old;
      if (now !== undefined) param.new = now;
      if (x.oldFrom !== undefined) param.oldFrom = oneOf(['dvc.lock'] as const)(x.oldFrom, key(a, 'oldFrom'));
      return param;
    })(o.params, key(at, 'params')),
    files: list((f, a) => {
      const x = object(f, a);
      return {
        path: string(x.path, key(a, 'path')),
        added: nullable(number)(x.added, key(a, 'added')),
        deleted: nullable(number)(x.deleted, key(a, 'deleted')),
        binary: boolean(x.binary, key(a, 'binary')),
        stages: stages(x.stages, key(a, 'stages')),
      };
    })(o.files, key(at, 'files')),
    data: list((d, a): DataCause => {
      const x = object(d, a);
      return {
        path: string(x.path, key(a, 'path')),
        source: oneOf(['.dvc', 'dvc.lock'] as const)(x.source, key(a, 'source')),
        old: extent(x.old, key(a, 'old')),
        new: extent(x.new, key(a, 'new')),
        ...(x.oldFrom !== undefined && { oldFrom: oneOf(['dvc.lock'] as const)(x.oldFrom, key(a, 'oldFrom')) }),
        stages: stages(x.stages, key(a, 'stages')),
      };
    })(o.data, key(at, 'data')),
    unknown: list(string)(o.unknown, key(at, 'unknown')),
    omitted: number(o.omitted, key(at, 'omitted')),
    nothingUpstream: boolean(o.nothingUpstream, key(at, 'nothingUpstream')),
  };
};

/** An int's digits, as `{"int": "…"}` holds them (to-json.ts). */
const INT_TEXT = /^-?[0-9]+$/;

/**
 * A row's `diff` or `relative`: a finite number, `{"float": "NaN"}` / `"Infinity"` / `"-Infinity"`, or an int's
 * digits `{"int": "…"}` (to-json.ts; read as its nearest double, the row's values giving it exactly).
 */
const change: Reader<number> = (v, at) => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    'int' in v &&
    typeof v.int === 'string' &&
    INT_TEXT.test(v.int)
  )
    return Number(v.int);
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && 'float' in v) {
    const f = v.float;
    if (f === 'NaN' || f === 'Infinity' || f === '-Infinity') return Number(f);
  }
  return fail(at, 'a finite number, {"float": "NaN" | "Infinity" | "-Infinity"} or {"int": "<digits>"}', v);
};

const leaf: Reader<Leaf> = (v, at) => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'float' in v) {
    const f = v.float;
    if ((typeof f === 'number' && Number.isFinite(f)) || f === 'NaN' || f === 'Infinity' || f === '-Infinity') return { float: f };
  }
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && 'int' in v && typeof v.int === 'string' && INT_TEXT.test(v.int))
    return { int: v.int };
  return fail(at, 'a number, string, boolean, null, {"float": …} or {"int": "<digits>"}', v);
};

const plot: Reader<PlotEntry> = (v, at) => {
  const o = object(v, at);
  const entry: PlotEntry = {
    id: string(o.id, key(at, 'id')),
    title: string(o.title, key(at, 'title')),
    image: nullable(imagePath)(o.image, key(at, 'image')),
    notes: list(string)(o.notes, key(at, 'notes')),
  };
  const baseImage = optional(nullable(imagePath))(o.baseImage, key(at, 'baseImage'));
  const error = optional(string)(o.error, key(at, 'error'));
  const s = optional(series)(o.series, key(at, 'series'));
  const noChart = optional(string)(o.noChart, key(at, 'noChart'));
  if (baseImage !== undefined) entry.baseImage = baseImage;
  if (error !== undefined) entry.error = error;
  if (s !== undefined) entry.series = s;
  if (noChart !== undefined) entry.noChart = noChart;
  return entry;
};

const trend: Reader<TrendEntry> = (v, at) => {
  const o = object(v, at);
  const entry: TrendEntry = {
    file: string(o.file, key(at, 'file')),
    key: string(o.key, key(at, 'key')),
    k: nullable(number)(o.k, key(at, 'k')),
    rule: nullable(string)(o.rule, key(at, 'rule')),
    standing: oneOf(['beyond', 'within', 'not-enough', 'no-value'] as const)(o.standing, key(at, 'standing')),
    image: nullable(imagePath)(o.image, key(at, 'image')),
  };
  const thresholdEdge = optional(boolean)(o.thresholdEdge, key(at, 'thresholdEdge'));
  if (thresholdEdge !== undefined) entry.thresholdEdge = thresholdEdge;
  const error = optional(string)(o.error, key(at, 'error'));
  if (error !== undefined) entry.error = error;
  return entry;
};

/** A path inside the report's folder (`plots/loss.png`): relative, no `..`, no backslashes. */
const imagePath: Reader<string> = (v, at) => {
  const path = string(v, at);
  const parts = path.split('/');
  if (path.includes('\\') || /^[a-z]:/i.test(path) || parts.some((p) => p === '' || p === '.' || p === '..')) {
    fail(at, 'a path inside the report folder (like plots/loss.png)', v);
  }
  return path;
};

const series: Reader<PlotSeries> = (v, at) => {
  const o = object(v, at);
  const out: PlotSeries = {
    x: list<number | string>((x, a) => (typeof x === 'string' ? x : number(x, a)))(o.x, key(at, 'x')),
    lines: list((l, a) => {
      const line = object(l, a);
      return { name: string(line.name, key(a, 'name')), y: list(nullable(number))(line.y, key(a, 'y')) };
    })(o.lines, key(at, 'lines')),
  };
  const xLabel = optional(string)(o.xLabel, key(at, 'xLabel'));
  const yLabel = optional(string)(o.yLabel, key(at, 'yLabel'));
  if (xLabel !== undefined) out.xLabel = xLabel;
  if (yLabel !== undefined) out.yLabel = yLabel;
  const leftOut = optional(number)(o.linesLeftOut, key(at, 'linesLeftOut'));
  if (leftOut !== undefined) out.linesLeftOut = leftOut;
  return out;
};

const gates: Reader<GateSummary> = (v, at) => {
  const o = object(v, at);
  return {
    passed: boolean(o.passed, key(at, 'passed')),
    rules: list(rule)(o.rules, key(at, 'rules')),
    directions: list((d, a) => {
      const dir = object(d, a);
      return {
        file: string(dir.file, key(a, 'file')),
        key: string(dir.key, key(a, 'key')),
        better: oneOf(['higher', 'lower'] as const)(dir.better, key(a, 'better')),
      };
    })(o.directions, key(at, 'directions')),
    checked: number(o.checked, key(at, 'checked')),
    proposed: nullable((p, a) => {
      const proposed = object(p, a);
      return {
        file: string(proposed.file, key(a, 'file')),
        added: list(string)(proposed.added, key(a, 'added')),
        removed: list(string)(proposed.removed, key(a, 'removed')),
      };
    })(o.proposed, key(at, 'proposed')),
    ...(o.baseUnread !== undefined ? { baseUnread: string(o.baseUnread, key(at, 'baseUnread')) } : {}),
    ...(o.baseRemedy !== undefined ? { baseRemedy: string(o.baseRemedy, key(at, 'baseRemedy')) } : {}),
  };
};

const rule: Reader<GateRuleResult> = (v, at) => {
  const o = object(v, at);
  const source = object(o.source, key(at, 'source'));
  const file = optional(string)(source.file, key(at, 'source.file'));
  return {
    rule: string(o.rule, key(at, 'rule')),
    level: oneOf(['fail', 'warn'] as const)(o.level, key(at, 'level')),
    passed: boolean(o.passed, key(at, 'passed')),
    status: oneOf(['passed', 'failed', 'skipped', 'error'] as const)(o.status, key(at, 'status')),
    detail: string(o.detail, key(at, 'detail')),
    metric: nullable((m, a) => {
      const metric = object(m, a);
      return { file: string(metric.file, key(a, 'file')), key: string(metric.key, key(a, 'key')) };
    })(o.metric, key(at, 'metric')),
    base: nullable(number)(o.base, key(at, 'base')),
    head: nullable(number)(o.head, key(at, 'head')),
    threshold: nullable(number)(o.threshold, key(at, 'threshold')),
    source: {
      origin: string(source.origin, key(at, 'source.origin')),
      line: number(source.line, key(at, 'source.line')),
      ...(file !== undefined ? { file } : {}),
    },
    ...(o.noise !== undefined ? { noise: noise(o.noise, key(at, 'noise')) } : {}),
    ...(o.stale !== undefined ? { stale: list(string)(o.stale, key(at, 'stale')) } : {}),
  };
};

const stats: Reader<HistoryStats> = (v, at) => {
  const o = object(v, at);
  const [n, mean, std, min, max] = (['n', 'mean', 'std', 'min', 'max'] as const).map((k) => number(o[k], key(at, k))) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { n, mean, std, min, max };
};

const noise: Reader<NoiseBand> = (v, at) => {
  const o = object(v, at);
  return {
    n: number(o.n, key(at, 'n')),
    stats: nullable(stats)(o.stats, key(at, 'stats')),
    band: nullable((b, a) => {
      const band = object(b, a);
      const thresholdEdge = optional(boolean)(band.thresholdEdge, key(a, 'thresholdEdge'));
      return {
        low: number(band.low, key(a, 'low')),
        high: number(band.high, key(a, 'high')),
        center: nullable(number)(band.center, key(a, 'center')),
        k: nullable(number)(band.k, key(a, 'k')),
        ...(thresholdEdge !== undefined && { thresholdEdge }),
      };
    })(o.band, key(at, 'band')),
    verdict: oneOf(['beyond', 'within', 'not-enough-history'] as const)(o.verdict, key(at, 'verdict')),
    text: string(o.text, key(at, 'text')),
  };
};

const historyNotKnown: Reader<HistoryNotKnown> = (v, at) => {
  const o = object(v, at);
  return { why: string(o.why, key(at, 'why')), cause: oneOf(['dvc-cache', 'store', 'moved-root'] as const)(o.cause, key(at, 'cause')) };
};

const history: Reader<HistorySection> = (v, at) => {
  const o = object(v, at);
  // Absent in report.json from versions that did not say how many commits were read.
  const read = optional(number)(o.read, key(at, 'read'));
  const wholeBranch = optional(boolean)(o.wholeBranch, key(at, 'wholeBranch'));
  // Absent in report.json from versions that took values not known for values not there.
  const notKnown = optional(string)(o.notKnown, key(at, 'notKnown'));
  return {
    branch: string(o.branch, key(at, 'branch')),
    depth: number(o.depth, key(at, 'depth')),
    ...(read === undefined ? {} : { read }),
    ...(wholeBranch === undefined ? {} : { wholeBranch }),
    ...(notKnown === undefined ? {} : { notKnown }),
    metrics: list((m, a) => {
      const metric = object(m, a);
      const unknown = optional(historyNotKnown)(metric.notKnown, key(a, 'notKnown'));
      return {
        file: string(metric.file, key(a, 'file')),
        key: string(metric.key, key(a, 'key')),
        points: list((p, pa) => {
          const point = object(p, pa);
          return {
            commit: string(point.commit, key(pa, 'commit')),
            date: nullable(string)(point.date, key(pa, 'date')),
            value: number(point.value, key(pa, 'value')),
          };
        })(metric.points, key(a, 'points')),
        stats: nullable(stats)(metric.stats, key(a, 'stats')),
        head: nullable(number)(metric.head, key(a, 'head')),
        ...(unknown === undefined ? {} : { notKnown: unknown }),
      };
    })(o.metrics, key(at, 'metrics')),
    notes: list(string)(o.notes, key(at, 'notes')),
  };
};

const pipeline: Reader<PipelineSummary> = (v, at) => {
  const o = object(v, at);
  return {
    engine: oneOf(['builtin', 'dvc', 'run'] as const)(o.engine, key(at, 'engine')),
    stages: list((s, a) => {
      const stage = object(s, a);
      const out: PipelineSummary['stages'][number] = {
        name: string(stage.name, key(a, 'name')),
        status: oneOf(['ran', 'skipped', 'failed', 'not-run'] as const)(stage.status, key(a, 'status')),
        seconds: number(stage.seconds, key(a, 'seconds')),
      };
      const reasons = optional(list(string))(stage.reasons, key(a, 'reasons'));
      const error = optional(string)(stage.error, key(a, 'error'));
      const log = optional(string)(stage.log, key(a, 'log'));
      const project = optional(boolean)(stage.project, key(a, 'project'));
      const stopped = optional(boolean)(stage.stopped, key(a, 'stopped'));
      if (project) out.project = true;
      if (stopped) out.stopped = true;
      if (reasons !== undefined) out.reasons = reasons;
      if (error !== undefined) out.error = error;
      if (log !== undefined) out.log = log;
      return out;
    })(o.stages, key(at, 'stages')),
  };
};

const dataVersion: Reader<DataVersion> = (v, at) => {
  const o = object(v, at);
  return { md5: nullable(string)(o.md5, key(at, 'md5')), size: nullable(number)(o.size, key(at, 'size')) };
};

const tableShape: Reader<TableShape> = (v, at) => {
  const o = object(v, at);
  return { rows: number(o.rows, key(at, 'rows')), columns: number(o.columns, key(at, 'columns')) };
};

const dataSection: Reader<DataSection> = (v, at) => {
  const o = object(v, at);
  const entry: Reader<{ path: string } & DataVersion> = (e, a) => ({ path: string(object(e, a).path, key(a, 'path')), ...dataVersion(e, a) });
  return {
    added: list(entry)(o.added, key(at, 'added')),
    deleted: list(entry)(o.deleted, key(at, 'deleted')),
    modified: list((e, a) => {
      const x = object(e, a);
      return { path: string(x.path, key(a, 'path')), old: dataVersion(x.old, key(a, 'old')), new: dataVersion(x.new, key(a, 'new')) };
    })(o.modified, key(at, 'modified')),
    renamed: list((e, a) => {
      const x = object(e, a);
      const path = object(x.path, key(a, 'path'));
      return { path: { old: string(path.old, key(a, 'path.old')), new: string(path.new, key(a, 'path.new')) }, ...dataVersion(e, a) };
    })(o.renamed, key(at, 'renamed')),
    notInCache: list((e, a) => {
      const x = object(e, a);
      return { path: string(x.path, key(a, 'path')), reason: string(x.reason, key(a, 'reason')) };
    })(o.notInCache, key(at, 'notInCache')),
    tables: list((e, a) => {
      const x = object(e, a);
      const t: DataSection['tables'][number] = {
        path: string(x.path, key(a, 'path')),
        base: nullable(tableShape)(x.base, key(a, 'base')),
        head: nullable(tableShape)(x.head, key(a, 'head')),
      };
      const note = optional(string)(x.note, key(a, 'note'));
      if (note !== undefined) t.note = note;
      return t;
    })(o.tables, key(at, 'tables')),
    notes: list(string)(o.notes, key(at, 'notes')),
  };
};

function object(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'an object', v);
  return v as Record<string, unknown>;
}

function string(v: unknown, at: string): string {
  return typeof v === 'string' ? v : fail(at, 'a string', v);
}

function number(v: unknown, at: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(at, 'a finite number', v);
}

function boolean(v: unknown, at: string): boolean {
  return typeof v === 'boolean' ? v : fail(at, 'true or false', v);
}

function oneOf<const T extends string>(values: readonly T[]): Reader<T> {
  return (v, at) => (values.includes(v as T) ? (v as T) : fail(at, `one of ${values.map((x) => `"${x}"`).join(', ')}`, v));
}

function list<T>(item: Reader<T>): Reader<T[]> {
  return (v, at) => (Array.isArray(v) ? v.map((x, i) => item(x, `${at}[${i}]`)) : fail(at, 'a list', v));
}

function nullable<T>(read: Reader<T>): Reader<T | null> {
  return (v, at) => (v === null ? null : read(v, at));
}

function optional<T>(read: Reader<T>): Reader<T | undefined> {
  return (v, at) => (v === undefined ? undefined : read(v, at));
}

function key(at: string, name: string): string {
  return at ? `${at}.${name}` : name;
}

function fail(at: string, expected: string, got: unknown): never {
  const shown = got === undefined ? 'missing' : JSON.stringify(got).slice(0, 40);
  throw new ReportJsonError(`'${at || '(top level)'}' must be ${expected}, not ${shown}`);
}
