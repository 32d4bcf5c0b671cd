import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GitRepo } from '../git/repo';
import type { Revision } from '../git/revisions';
import type { Logger } from '../util/log';
import { describeError } from '../util/errors';
import { diffValueFile } from './diff';
import { flattenValues } from './flatten';
import { globToRegExp, isGlob, valueFilesFromDvcYaml } from './files';
import { parseValuesText } from './parse';
import type { FileDiff, ValueFile } from './types';

export interface CollectRequest {
  workspace: string;
  base: Revision | null;
  metricsPaths: string[] | null;
  paramsPaths: string[] | null;
}

export interface Comparison {
  metrics: FileDiff[];
  params: FileDiff[];
}

/** Reads metrics and params at base (through git) and head (the workspace) and diffs them. */
export async function collectAndCompare(git: GitRepo, request: CollectRequest, log: Logger): Promise<Comparison> {
  const headNames = await defaultNames(request.workspace);
  const workspaceFiles = await listWorkspaceFiles(request.workspace);
  const baseFiles = request.base ? await git.listFiles(request.base.sha) : [];
  const expand = (patterns: string[]): string[] => {
    const out = new Set<string>();
    for (const p of patterns) {
      const clean = p.replace(/\\/g, '/').replace(/^\.\//, '');
      if (!isGlob(clean)) out.add(clean);
      else {
        const re = globToRegExp(clean);
        for (const f of [...workspaceFiles, ...baseFiles]) if (re.test(f)) out.add(f);
      }
    }
    return [...out].sort();
  };
  const metricsFiles = expand(request.metricsPaths ?? headNames.metrics);
  const paramsFiles = expand(request.paramsPaths ?? headNames.params);

  const compare = async (paths: string[], kind: 'metrics' | 'params'): Promise<FileDiff[]> => {
    const diffs: FileDiff[] = [];
    for (const path of paths) {
      const head = await readSide(path, kind, () => readFile(join(request.workspace, path)).catch(notFoundToNull));
      const base = request.base ? await readSide(path, kind, () => git.readFile(request.base!.sha, path)) : null;
      for (const [side, file] of [['base', base], ['head', head]] as const) {
        if (file?.status === 'error') log.warning(`${file.message} (at ${side})`, { file: path });
      }
      diffs.push(diffValueFile(path, base, head));
    }
    return diffs;
  };
  return { metrics: await compare(metricsFiles, 'metrics'), params: await compare(paramsFiles, 'params') };
}

async function readSide(path: string, kind: 'metrics' | 'params', read: () => Promise<Buffer | null>): Promise<ValueFile> {
  try {
    const bytes = await read();
    if (!bytes) return { status: 'missing' };
    return { status: 'ok', values: flattenValues(parseValuesText(path, bytes.toString('utf8')), kind) };
  } catch (error) {
    return { status: 'error', message: describeError(error) };
  }
}

async function defaultNames(workspace: string): Promise<{ metrics: string[]; params: string[] }> {
  const dvcYaml = await readFile(join(workspace, 'dvc.yaml'), 'utf8').catch(notFoundToNull);
  const names = dvcYaml ? safeNames(dvcYaml) : { metrics: [], params: [] };
  const hasParamsYaml = (await readFile(join(workspace, 'params.yaml')).catch(notFoundToNull)) !== null;
  const params = new Set(names.params);
  if (hasParamsYaml) params.add('params.yaml');
  return { metrics: names.metrics, params: [...params].sort() };
}

function safeNames(text: string): { metrics: string[]; params: string[] } {
  try {
    return valueFilesFromDvcYaml(text);
  } catch {
    return { metrics: [], params: [] };
  }
}

async function listWorkspaceFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const rel = prefix + entry.name;
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${rel}/`);
      else out.push(rel);
    }
  };
  await walk(root, '');
  return out;
}

function notFoundToNull(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT' || error.code === 'EISDIR') return null;
  throw error;
}
