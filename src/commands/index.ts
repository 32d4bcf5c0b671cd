import { aggregateCommand } from './aggregate';
import { metricsDiffCommand } from './metrics-diff';
import { metricsHistoryCommand } from './metrics-history';
import { paramsDiffCommand } from './params-diff';
import { plotsRenderCommand } from './plots-render';
import { pullCommand, pushCommand } from './pull';
import { reportCommand } from './report';
import { reproCommand } from './repro';
import { statusCommand } from './status';
import type { Command } from './types';
import { dataDiffCommand } from './data-diff';

/** Every CLI subcommand; `mlreport --help` lists them in this order. */
export const COMMANDS: Command[] = [
  reportCommand,
  reproCommand,
  statusCommand,
  metricsDiffCommand,
  metricsHistoryCommand,
  paramsDiffCommand,
  dataDiffCommand,
  plotsRenderCommand,
  pullCommand,
  pushCommand,
  aggregateCommand,
];
