import { join, resolve } from 'node:path';
import { UserError } from '../util/errors';

/** `sub/dvc.yaml`, `sub/dvc.yaml:train`: a target naming a dvc.yaml in another folder, as DVC writes it. */
const IN_FOLDER = /^(.*?)[/\\]dvc\.yaml(?::(.*))?$/;

/**
 * The folder whose dvc.yaml a command works on, and its targets as they name stages there. DVC takes
 * `sub/dvc.yaml:train` (and `sub/dvc.yaml` for all its stages) from the project's root, as `mlreport status` prints
 * a nested dvc.yaml's stages; mlreport's runner works on one dvc.yaml at a time, so targets in one other folder run
 * there, as with `--cwd sub`. Targets of several dvc.yaml files are refused, naming them: one run each.
 */
export function pipelineTargets(cwd: string, targets: string[]): { dir: string; targets: string[] } {
  const folders = new Map<string, string[]>();
  const here: string[] = [];
  for (const target of targets) {
    const found = IN_FOLDER.exec(target);
    if (!found || !found[1] || found[1] === '.') {
      here.push(target);
      continue;
    }
    const dir = resolve(cwd, found[1]);
    const names = folders.get(dir) ?? [];
    names.push(found[2] === undefined ? 'dvc.yaml' : `dvc.yaml:${found[2]}`);
    folders.set(dir, names);
  }
  if (!folders.size) return { dir: cwd, targets };
  const files = [...(here.length ? [join(cwd, 'dvc.yaml')] : []), ...[...folders.keys()].map((dir) => join(dir, 'dvc.yaml'))];
  if (files.length > 1) {
    throw new UserError(`The targets name stages of ${files.length} dvc.yaml files (${files.join(', ')}): run the command once for each, with its targets.`);
  }
  const [dir, names] = [...folders][0]!;
  return { dir, targets: names };
}
