import { plotsRenderCommand } from './plots-render';
import { reportCommand } from './report';
import type { Command } from './types';

/** Every CLI subcommand; `mlreport --help` lists them in this order. */
export const COMMANDS: Command[] = [reportCommand, plotsRenderCommand];
