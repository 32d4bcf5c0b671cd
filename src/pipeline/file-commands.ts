import { stat, truncate } from 'node:fs/promises';

/** The runner's files through which a step sets outputs, variables and PATH for later steps, its state and summary. */
export const FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;

/**
 * The step's file commands as they were before its stages ran. A stage never gets their variables, but the files lie
 * in the runner's temporary folder under names a stage can find: what was appended since is cut away, so a pull
 * request's code cannot set the action's outputs, the job's environment or PATH, or write the job summary. A stage's
 * process that outlives the step's own writes is beyond this (docs/security.md).
 */
export class FileCommandsGuard {
  private constructor(private readonly sizes: Map<string, { path: string; size: number }>) {}

  /** The sizes of the files the environment names (a file not there yet counts as empty). */
  static async record(env: NodeJS.ProcessEnv): Promise<FileCommandsGuard> {
    const sizes = new Map<string, { path: string; size: number }>();
    for (const name of FILE_COMMANDS) {
      const path = env[name];
      if (path)
        sizes.set(name, {
          path,
          size: await stat(path).then(
            (s) => s.size,
            () => 0,
          ),
        });
    }
    return new FileCommandsGuard(sizes);
  }

  /** Cuts the files `names` back to their recorded sizes; returns the names of those that had grown. */
  async cut(names: readonly string[] = FILE_COMMANDS): Promise<string[]> {
    const grown: string[] = [];
    for (const name of names) {
      const file = this.sizes.get(name);
      if (!file) continue;
      const now = await stat(file.path).then(
        (s) => s.size,
        () => null,
      );
      if (now === null || now <= file.size) continue;
      await truncate(file.path, file.size);
      grown.push(name);
    }
    return grown;
  }
}
