import { gatesHeadline } from '../report/gates-section';
import type { GateSummary } from '../report/types';
import type { Logger } from '../util/log';
import type { GateConfig } from './types';

/** The gate's outcome in the run's log: the headline, then one line per rule. */
export function logGates(gates: GateSummary, gate: GateConfig, log: Logger): void {
  const lines = [
    `Gates: ${gatesHeadline(gates)}.`,
    ...gates.rules.map((r) => `  [${r.status}${r.level === 'warn' ? ', warning only' : ''}] ${r.rule}: ${r.detail}`),
  ].join('\n');
  if (gates.passed) {
    log.info(lines);
    return;
  }
  log.error(lines);
  if (!gate.failOnThreshold) log.info('fail-on-threshold is false: the step does not fail; the output `passed` is false.');
}
