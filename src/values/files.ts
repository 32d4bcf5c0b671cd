import { posix } from 'node:path';
import { parse } from 'yaml';

/** What one revision's dvc.yaml files say to compare. Paths are `/`-separated, relative to the workspace. */
export interface DvcValueFiles {
  metrics: string[];
  /** Params file → the dotted keys a stage tracks; an empty list is the whole file (DVC's `_merge_params`). */
  params: Map<string, string[]>;
  /** Files of the top-level `params:` lists (whole files; left out by `params diff --deps`). */
  topParams: string[];
  /** `vars:` files → the keys stages interpolate from them (DVC's tracked vars, shown by `params diff`). */
  vars: Map<string, string[]>;
  /** Outputs DVC caches (so git does not hold them): a metrics file among them missing at a commit is expected. */
  dvcOuts: Set<string>;
  /** Entries we could not follow (templated paths), for a note. */
  skipped: string[];
}

export function emptyValueFiles(): DvcValueFiles {
  return { metrics: [], params: new Map(), topParams: [], vars: new Map(), dvcOuts: new Set(), skipped: [] };
}

/**
 * Adds what a dvc.yaml (at `dvcYamlPath`) names: stage `metrics:` outs and the top-level `metrics:` list;
 * stage `params:` (bare keys → `<wdir>/params.yaml`, `{file: [keys]}`, `{file: null}` = whole file) and the
 * top-level `params:` list. Paths resolve against the dvc.yaml's folder and the stage's `wdir`, as DVC does.
 * `params.yaml` at the root is added by the caller when it exists. Throws on invalid YAML.
 */
export function addDvcYaml(into: DvcValueFiles, dvcYamlPath: string, text: string): void {
  const doc: unknown = parse(text, { schema: 'core' });
  if (!isRecord(doc)) return;
  const dir = posix.dirname(dvcYamlPath);
  const resolve = (base: string, p: string): string => posix.normalize(posix.join(base, p)).replace(/^\.\//, '');
  const metrics = new Set(into.metrics);
  const addParams = (file: string, keys: string[] | null): void => {
    const current = into.params.get(file);
    if (keys === null || !keys.length || (current && !current.length)) into.params.set(file, []);
    else into.params.set(file, [...new Set([...(current ?? []), ...keys])]);
  };
  for (const entry of asList(doc.metrics)) {
    if (typeof entry !== 'string') continue;
    if (entry.includes('${')) into.skipped.push(entry);
    else metrics.add(resolve(dir, entry));
  }
  for (const entry of asList(doc.params)) {
    if (typeof entry !== 'string') continue;
    if (entry.includes('${')) into.skipped.push(entry);
    else into.topParams.push(resolve(dir, entry));
  }
  const stages = isRecord(doc.stages) ? doc.stages : {};
  // The dvc.yaml's own params.yaml is always in the templating context, before the `vars:` files.
  const globalVars = [posix.join(dir, 'params.yaml').replace(/^\.\//, ''), ...varsFiles(doc.vars, dir)];
  for (const raw of Object.values(stages)) {
    trackVars(into, raw, globalVars, dir);
    const stage = isRecord(raw) && isRecord(raw.do) ? raw.do : raw;
    if (!isRecord(stage)) continue;
    const wdir = typeof stage.wdir === 'string' ? stage.wdir : '.';
    if (wdir.includes('${')) continue;
    const base = posix.join(dir, wdir);
    for (const field of ['outs', 'metrics', 'plots'] as const) {
      for (const out of asList(stage[field])) {
        const [path, props] = typeof out === 'string' ? [out, {}] : isRecord(out) ? (Object.entries(out)[0] ?? []) : [];
        if (typeof path !== 'string') continue;
        if (path.includes('${')) {
          if (field === 'metrics') into.skipped.push(path);
          continue;
        }
        const full = resolve(base, path);
        if (field === 'metrics') metrics.add(full);
        if (!(isRecord(props) && props.cache === false)) into.dvcOuts.add(full);
      }
    }
    for (const p of asList(stage.params)) {
      if (typeof p === 'string')
        addParams(
          resolve(base, 'params.yaml'),
          p
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        );
      else if (isRecord(p)) {
        for (const [file, keys] of Object.entries(p)) {
          if (file.includes('${')) continue;
          addParams(resolve(base, file), Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : null);
        }
      }
    }
  }
  into.metrics = [...metrics];
}

/** A `vars:` list's files (`file` or `file:key1,key2`), resolved against `base`; inline mappings hold no file. */
function varsFiles(list: unknown, base: string): string[] {
  return asList(list)
    .filter((v): v is string => typeof v === 'string' && !v.includes('${'))
    .map((v) => posix.normalize(posix.join(base, v.replace(/:[^:/\\]*$/, ''))).replace(/^\.\//, ''));
}

/**
 * DVC's tracked vars (dvc/parsing/context.py `_track_data`): every `${key}` a stage interpolates, except the
 * loop's own `item`/`key`, is a param of the vars file it comes from. The keys are recorded for every vars file
 * in scope; reading a key a file lacks gives nothing, so each key lands where it is defined.
 */
function trackVars(into: DvcValueFiles, stage: unknown, globalVars: string[], dir: string): void {
  const inner = isRecord(stage) && isRecord(stage.do) ? stage.do : stage;
  const wdir = isRecord(inner) && typeof inner.wdir === 'string' && !inner.wdir.includes('${') ? inner.wdir : '.';
  const files = [...globalVars, ...(isRecord(inner) ? varsFiles(inner.vars, posix.join(dir, wdir)) : [])];
  if (!files.length) return;
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/(?<!\\)\$\{(.*?)\}/g)) {
        const key = m[1]!.replace(/\[([^\]]*)\]/g, '.$1');
        const head = key.split('.')[0];
        if (head !== 'item' && head !== 'key') keys.add(key);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) Object.entries(value).forEach(([k, v]) => (k === 'vars' ? undefined : (visit(k), visit(v))));
  };
  visit(stage);
  if (!keys.size) return;
  for (const file of files) into.vars.set(file, [...new Set([...(into.vars.get(file) ?? []), ...keys])]);
}

/** Matches `/`-separated paths against a glob with `*`, `**` and `?`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export function isGlob(path: string): boolean {
  return /[*?]/.test(path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
