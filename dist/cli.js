#!/usr/bin/env node
import{createRequire as __mlreportCreateRequire}from'node:module';const require=__mlreportCreateRequire(import.meta.url);

// src/cli.ts
import module from "node:module";

// src/commands/index.ts
var COMMON_USAGE = `  TARGET             relative to the current folder (or --cwd): a .dvc file, a tracked path or a folder holding
                     some, a file or folder inside a tracked directory (that part only), a stage output's path, a
                     stage (train, sub/dvc.yaml:train) or a dvc.yaml (default: every .dvc file and dvc.lock output)
  -r, --remote NAME  the remote for outputs that name none (default: core.remote); with -r, an output whose
                     remote: names another remote is left out, as dvc does
  -j, --jobs N       transfers at once (default: the remote's jobs, else 4 \xD7 CPUs)
  --cwd DIR          the folder to work from: the project is found from it upwards (default: the current directory)

Credentials come from .dvc/config.local and each cloud's own variables (AWS_*, AZURE_STORAGE_*); for an
HTTP or DagsHub remote, MLREPORT_REMOTE_USER and MLREPORT_REMOTE_PASSWORD give the basic-auth user and
password (or token).`;
var COMMANDS = [
  {
    path: ["report"],
    summary: "compare metrics and params with a base revision and write report.md and report.json",
    usage: `mlreport report [--base REV] [--out DIR] [--metrics PATH]... [--params PATH]... [--plots PATH]... [--threshold RULE]... [--missing-base skip|fail] [--history N] [--history-store BRANCH] [--repro MODE] [--deadline-minutes N] [--cwd DIR] [--quiet]

  --base REV      the revision to compare with (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where report.md and report.json go (default: .mlreport at the project root, which
                  ignores itself in git)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --params PATH   a params file or glob (repeatable; default: dvc.yaml's, and params.yaml)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --threshold RULE
                  a gate rule such as 'accuracy >= base - 0.01' (repeatable; default: the thresholds
                  in .mlreport.yml); a broken rule makes the exit code 1
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --history N     how many first-parent commits of the base to read for history.* rules (default: 20;
                  0: off), e.g. 'accuracy >= history.mean - 3 * history.std'
  --history-store BRANCH
                  also read the history store, origin's BRANCH (the action's \`history-branch\`, by default
                  mlreport-history), for the base's values and the history of metrics not in git; only read
  --repro MODE    reproduce the pipeline first: auto, builtin, dvc or off (default: off)
  --deadline-minutes N
                  the time budget for gathering the report (default: 330): a stage still running then is
                  ended, the work not started is skipped, and the report says what was cut
  --cwd DIR       where to start looking for the project: the nearest folder upwards with .dvc/ (else
                  with dvc.yaml or .mlreport.yml, else the git root); default: the current directory
  --quiet         print only the report's path`,
    runner: "report"
  },
  {
    path: ["repro"],
    summary: "run the dvc.yaml stages that changed (like dvc repro) and update dvc.lock",
    usage: `mlreport repro [STAGE...] [--dry] [--force] [--no-pull] [-r REMOTE] [--cwd DIR]

  STAGE      run only these stages and what they depend on (a foreach/matrix group name selects all its stages;
             dvc.yaml:NAME as DVC writes it, dvc.yaml for all; sub/dvc.yaml:NAME, as status prints it, runs
             in sub/ as with --cwd sub)
  --dry      print what would run and why, run nothing
  --force    run the selected stages even when unchanged (frozen stages still never run)
  --no-pull  do not pull .dvc-tracked deps or restore unchanged stages' outputs from the DVC cache/remote
             (by default repro is 'dvc repro --pull')
  -r, --remote NAME  the DVC remote for outputs that name none (default: core.remote)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)`,
    runner: "repro"
  },
  {
    path: ["status"],
    summary: "show which dvc.yaml stages changed since dvc.lock and why (like dvc status)",
    usage: `mlreport status [STAGE...] [--json] [--no-pull] [-r REMOTE] [--cwd DIR]

  STAGE      only these stages and what they depend on (sub/dvc.yaml:NAME: a stage of sub/dvc.yaml, as with
             --cwd sub)
  --json     print {stage: [reasons]} for changed stages
  --no-pull  do not check the DVC cache/remote for what repro would restore instead of running
  -r, --remote NAME  the DVC remote for outputs that name none (default: core.remote)
  --cwd DIR  the directory holding dvc.yaml (default: the current directory)

Exit code 0 either way; changed stages are listed with their reasons.`,
    runner: "status"
  },
  {
    path: ["metrics", "diff"],
    summary: "show changed metrics between two revisions, like `dvc metrics diff`",
    usage: `mlreport metrics diff [A_REV] [B_REV] [--md|--json] [--all] [--precision N] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   metrics files, directories or globs to compare (default: those dvc.yaml names)
  --all            also show unchanged metrics
  --precision N    round floats to N digits after the point in tables (default: 5)
  --md             print a GitHub markdown table
  --json           print {path: {metric: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when metrics differ; a file that fails to parse on one side is a warning.`,
    runner: "metricsDiff"
  },
  {
    path: ["metrics", "history"],
    summary: "show each metric over a branch's last N commits: the n, mean, std, min and max that history.* rules use",
    usage: `mlreport metrics history [REV] [--depth N] [--metrics PATH]... [--history-store BRANCH] [--md|--json] [--cwd DIR]

  REV             the branch or commit whose first-parent history is read (default: HEAD)
  --depth N       how many first-parent commits to read, REV included (default: 20, as the report's --history)
  --metrics PATH  a metrics file or glob (repeatable; default: those named in dvc.yaml)
  --history-store BRANCH
                  also read the history store, origin's BRANCH (the action's \`history-branch\`, by default
                  mlreport-history), for commits whose metrics are not in git
  --md            print a GitHub markdown table
  --json          print the history as report.json's \`history\` (every point, with its commit)
  --cwd DIR       where to start looking for the project (default: the current directory)

Each metric's row ends with the workspace's value and how many standard deviations it lies from the mean: the
figure to pick k in a rule such as 'accuracy >= history.mean - 3 * history.std'. What could not be read (a file
missing or broken at some commits) is said on stderr.`,
    runner: "metricsHistory"
  },
  {
    path: ["params", "diff"],
    summary: "show changed params between two revisions, like `dvc params diff`",
    usage: `mlreport params diff [A_REV] [B_REV] [--md|--json] [--all] [--deps] [--no-path] [--targets FILE...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: workspace, the files on disk)
  --targets FILE   params files, directories or globs to compare (default: dvc.yaml's, and params.yaml)
  --all            also show unchanged params
  --deps           only params that stages depend on
  --md             print a GitHub markdown table
  --json           print {path: {param: {old, new, diff}}} exactly as DVC does
  --no-path        leave out the Path column

Exit code 0 even when params differ; a file that fails to parse on one side is a warning.`,
    runner: "paramsDiff"
  },
  {
    path: ["data", "diff"],
    summary: "show DVC-tracked files added, deleted, modified or renamed between two revisions, like `dvc diff`",
    usage: `mlreport data diff [A_REV] [B_REV] [--json|--md] [--show-hash] [--hide-missing] [--targets PATH...]

  A_REV            the old revision (default: HEAD)
  B_REV            the new revision (default: the workspace, as its dvc.lock and .dvc files record it)
  --targets PATH   only these DVC-tracked paths (outputs, or files and folders inside them)
  --json           print {"added": [{"path": \u2026}], "deleted", "modified", "renamed", "not in cache"} as DVC does
  --md             print a GitHub markdown table
  --show-hash      print each path's md5 (the first 8 digits in tables)
  --hide-missing   leave out "not in cache" (directories whose .dir manifest is in neither cache nor remote);
                   implied by B_REV, as in DVC

Directory contents come from the .dir manifests in the DVC cache, else the remote. Exit code 0 when data differs.`,
    runner: "dataDiff"
  },
  {
    path: ["plots", "render"],
    summary: "render the plots in dvc.yaml to PNG, base and workspace overlaid, with an index",
    usage: `mlreport plots render [--base REV] [--out DIR] [--plots PATH]... [--cwd DIR] [--quiet]

  --base REV      the revision to overlay (default: merge-base with origin/HEAD, else HEAD~1)
  --out DIR       where the images, index.md and index.json go (default: .mlreport/plots)
  --plots PATH    a plot data or image file or glob (repeatable; default: the plots in dvc.yaml)
  --cwd DIR       where to start looking for the project, as for \`mlreport report\` (default: the current directory)
  --quiet         print only the index's path`,
    runner: "plotsRender"
  },
  {
    path: ["pull"],
    summary: "download .dvc-tracked data and the stage outputs in dvc.lock from the DVC remote into the cache and the workspace (like dvc pull)",
    usage: `mlreport pull [TARGET...] [-r REMOTE] [-j N] [--force] [--cwd DIR]

${COMMON_USAGE}
  -f, --force        replace workspace files that differ even when their content is not in the cache`,
    runner: "pull"
  },
  {
    path: ["push"],
    summary: "upload the cached objects of .dvc-tracked data and of the stage outputs in dvc.lock to the DVC remote (like dvc push)",
    usage: `mlreport push [TARGET...] [-r REMOTE] [-j N] [--cwd DIR]

${COMMON_USAGE}`,
    runner: "push"
  },
  {
    path: ["aggregate"],
    summary: "compare a sweep's runs (matrix jobs' report folders) by configuration and write report.md and report.json",
    usage: `mlreport aggregate DIR... [--out DIR] [--repeat-params NAME]... [--rank-by METRIC] [--expected-runs N] [--threshold RULE]... [--missing-base skip|fail] [--quiet]

  DIR             a folder holding a job's report.json, or a folder of such folders (as
                  actions/download-artifact or 'gh run download' lays out the mlreport-* artifacts)
  --out DIR       where report.md and report.json go (default: .mlreport-aggregate, which git ignores)
  --repeat-params NAME
                  a param whose values tell repeats of one configuration apart (repeatable; default: seed)
  --rank-by METRIC
                  the metric that marks the best configuration, as 'metric' or 'file:metric', optionally
                  followed by 'higher' or 'lower' (default: the first metric a rule gates on)
  --expected-runs N
                  how many jobs the matrix has: fewer report folders are failed rows (a job that
                  failed before uploading leaves no folder)
  --threshold RULE
                  a gate rule evaluated on each configuration's means, such as 'accuracy >= base - 0.01'
                  (repeatable; default: the rules the jobs were gated with)
  --missing-base skip|fail
                  a rule using \`base\` when the base has no value: skipped (default) or broken
  --quiet         print only the report's path

A job whose report.json is missing, or says a stage failed, is a failed row, and the exit code is 1, as it is when a
configuration breaks a rule. Reports compared with different base commits are refused.`,
    runner: "aggregate"
  }
];
var VALUES_RUNNERS = ["metricsDiff", "paramsDiff"];
function findCommand(argv) {
  return COMMANDS.filter((c) => c.path.every((word, i) => argv[i] === word)).sort((a, b) => b.path.length - a.path.length)[0];
}

// src/util/v8-tiering.ts
import { setFlagsFromString } from "node:v8";
function tuneTieringForShortRuns() {
  if (!process.versions.v8.startsWith("13.")) return;
  setFlagsFromString("--invocation-count-for-maglev=4000");
  setFlagsFromString("--invocation-count-for-turbofan=30000");
}

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/cli.ts
async function main(argv) {
  if (!argv.length || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    process.stdout.write(help());
    return 0;
  }
  if (argv[0] === "--version" || argv[0] === "-V") {
    process.stdout.write(`${VERSION}
`);
    return 0;
  }
  const command = findCommand(argv);
  const rest = command ? argv.slice(command.path.length) : [];
  if (command && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(`usage: ${command.usage}
`);
    return 0;
  }
  module.enableCompileCache?.();
  const values = command && VALUES_RUNNERS.includes(command.runner);
  const { runCommand } = values ? await import("./values-commands.js") : await import("./commands.js");
  tuneTieringForShortRuns();
  return runCommand(argv);
}
function help() {
  const width = COMMANDS.reduce((w, c) => Math.max(w, c.path.join(" ").length), 0);
  return [
    `mlreport ${VERSION}: the review a good ML lead would give a pull request.`,
    "",
    "usage: mlreport <command> [options]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    "Run 'mlreport <command> --help' for a command's options.",
    ""
  ].join("\n");
}
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") process.stderr.write(`mlreport: cannot write the output: ${error.message}
`);
  process.exit(error.code === "EPIPE" ? process.exitCode ?? 0 : 2);
});
process.exitCode = await main(process.argv.slice(2));
