import { join, resolve } from 'node:path';
import { findProjectRoot } from '../config/project-root';
import { parseArgs } from 'node:util';
import { GitRepo } from '../git/repo';
import { resolveBase } from '../git/revisions';
import { renderPlots } from '../plots/render-plots';
import { WorkspaceListing } from '../workspace/tree';
import { plotsMarkdown } from '../report/plots-markdown';
import { consoleLogger, writeResult } from '../util/console-logger';
import { makeOutFolder, writeFilesAtomic } from '../util/files';
import { cliBaseCandidates, cliHead, defaultOutDir, ignoredIfNew, outOption, PROJECT_OPTIONS } from './project-options';
import type { CommandRunner } from './types';

export const plotsRenderCommand: CommandRunner = {
  async run(args) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: { ...PROJECT_OPTIONS, out: { type: 'string' } },
    });
    const workspace = await findProjectRoot(resolve(values.cwd), '--cwd', values.cwd);
    const out = outOption(values.out, values.cwd) ?? join(await defaultOutDir(workspace), 'plots');
    if (values.out !== undefined) await ignoredIfNew(out, workspace);
    await makeOutFolder(out, '--out');
    const log = consoleLogger(values.quiet);
    const { base, headLabel, headSha, plots } = await GitRepo.using(workspace, async (git) => {
      const base = await resolveBase(git, cliBaseCandidates(values.base), log);
      const { label: headLabel, sha: headSha } = await cliHead(git, out);
      const plots = await renderPlots(
        git,
        // Each plot's error is on its result line; with --quiet, which prints none, it is a warning.
        {
          workspace,
          base,
          headLabel,
          plotsPaths: values.plots ?? null,
          dir: out,
          linkPrefix: '',
          listing: new WorkspaceListing(workspace),
          warnErrors: !!values.quiet,
        },
        async () => (await import('../plots/engine')).loadRenderer(),
        log,
      );
      return { base, headLabel, headSha, plots };
    });
    const index = `# Plots: ${headLabel} vs ${base ? base.label : 'no base'}\n\n${plots.length ? plotsMarkdown(plots) : '_No plots defined: add a `plots:` section to dvc.yaml or pass --plots._'}\n`;
    const json = `${JSON.stringify({ base, head: { label: headLabel, sha: headSha }, plots }, null, 2)}\n`;
    await writeFilesAtomic([
      { path: resolve(out, 'index.json'), produce: (write) => write(json) },
      { path: resolve(out, 'index.md'), produce: (write) => write(index) },
    ]);
    // An error names its plot already: "plot 'a.csv' (dvc.yaml plots[0]): …".
    if (!values.quiet) for (const p of plots) writeResult(`${p.image ? `${resolve(out, p.image)}  ${p.title}` : `FAILED  ${p.error ?? p.title}`}\n`);
    process.stdout.write(`index: ${resolve(out, 'index.md')}\n`);
    return plots.some((p) => p.error) ? 1 : 0;
  },
};
