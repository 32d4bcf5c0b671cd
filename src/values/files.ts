import { parse } from 'yaml';

export interface ValueFileNames {
  metrics: string[];
  params: string[];
}

/**
 * The metrics and params files a dvc.yaml names, as DVC collects them: stage `metrics:` outs and the
 * top-level `metrics:` list; stage `params:` files, the top-level `params:` list, and `params.yaml`
 * (added by the caller when it exists).
 */
export function valueFilesFromDvcYaml(text: string): ValueFileNames {
  const doc: unknown = parse(text);
  const metrics = new Set<string>();
  const params = new Set<string>();
  if (!isRecord(doc)) return { metrics: [], params: [] };
  for (const entry of asList(doc.metrics)) if (typeof entry === 'string') metrics.add(entry);
  for (const entry of asList(doc.params)) if (typeof entry === 'string') params.add(entry);
  const stages = isRecord(doc.stages) ? doc.stages : {};
  for (const stage of Object.values(stages)) {
    if (!isRecord(stage)) continue;
    const wdir = typeof stage.wdir === 'string' && stage.wdir !== '.' ? `${stage.wdir.replace(/\/$/, '')}/` : '';
    for (const out of asList(stage.metrics)) {
      const path = typeof out === 'string' ? out : isRecord(out) ? Object.keys(out)[0] : undefined;
      if (path) metrics.add(wdir + path);
    }
    for (const p of asList(stage.params)) {
      if (typeof p === 'string') params.add(`${wdir}params.yaml`);
      else if (isRecord(p)) for (const file of Object.keys(p)) params.add(wdir + file);
    }
  }
  return { metrics: [...metrics].sort(), params: [...params].sort() };
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
