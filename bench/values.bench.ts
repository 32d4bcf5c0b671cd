// Diffs two 10,000-key JSON metrics files and two 100,000-row DagsHub logger metrics.csv files the way
// `mlreport metrics diff` does (parse → flatten → diff → --json and table output), in one process.
// Prints the median of 7 runs after 2 warm-ups.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { diffValueFile } from '../src/values/diff';
import { dvcDiffJson, dvcDiffTable } from '../src/values/dvc-output';
import { flattenMetrics } from '../src/values/flatten';
import { parseValueFile } from '../src/values/parse';
import type { FileDiff } from '../src/values/types';

function jsonMetrics(seed: number): string {
  const groups: Record<string, Record<string, number | string>> = {};
  for (let i = 0; i < 10_000; i++) {
    const g = `group${i % 100}`;
    groups[g] ??= {};
    groups[g][`metric_${i}`] = i % 10 === 0 ? `label-${i}` : Math.sin(i * seed) * 1000;
  }
  return JSON.stringify(groups, null, 2);
}

function loggerCsv(seed: number): string {
  const lines = ['Name,Value,Timestamp,Step'];
  for (let i = 0; i < 100_000; i++) lines.push(`metric_${i % 50},${Math.cos(i * seed)},${1_700_000_000_000 + i},${Math.floor(i / 50)}`);
  return lines.join('\n') + '\n';
}

const inputs = { a: jsonMetrics(1), b: jsonMetrics(2), c: loggerCsv(1), d: loggerCsv(2) };

function once(): { ms: number; cpuMs: number; keys: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const read = (path: string, text: string) => ({ status: 'ok' as const, values: flattenMetrics(parseValueFile(path, text, 'metrics').data) });
  const files: FileDiff[] = [
    diffValueFile('metrics.json', read('metrics.json', inputs.a), read('metrics.json', inputs.b)),
    diffValueFile('metrics.csv', read('metrics.csv', inputs.c), read('metrics.csv', inputs.d)),
  ];
  const json = dvcDiffJson(files, false);
  const table = dvcDiffTable(files, { title: 'Metric', aRev: 'HEAD', bRev: 'workspace', precision: 5, showChange: true, markdown: true, all: false });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (!json.length || !table.length) throw new Error('empty output');
  return { ms, cpuMs: (used.user + used.system) / 1000, keys: files.reduce((n, f) => n + f.rows.length, 0) };
}

once();
once();
const runs = Array.from({ length: 7 }, once).sort((x, y) => x.ms - y.ms);
const median = runs[3]!;
const mb = (Object.values(inputs).reduce((n, s) => n + s.length, 0) / 1024 / 1024).toFixed(1);
console.log(
  `values: 2×10,000-key JSON + 2×100,000-row metrics.csv (${mb} MB, ${median.keys} keys diffed): median ${median.ms.toFixed(0)} ms (min ${runs[0]!.ms.toFixed(0)}, max ${runs[6]!.ms.toFixed(0)}; CPU ${median.cpuMs.toFixed(0)} ms) on Node ${process.versions.node}, load average ${os.loadavg()[0]!.toFixed(1)}`,
);
