import { escapeCell, escapeCellKeepingCode } from './escape';
import type { PipelineSummary } from './types';

const STATUS_TEXT: Record<PipelineSummary['stages'][number]['status'], string> = {
  ran: 'ran',
  // Measured against the head's dvc.lock, not the base: the causes say what changed since the base.
  skipped: 'skipped (up to date with dvc.lock)',
  failed: '**failed**',
  'not-run': 'not run',
};

/** The "Pipeline" section: one row per stage, then each failed stage's last output lines. Pure. */
export function pipelineSection(pipeline: PipelineSummary): string {
  if (!pipeline.stages.length) return '_No stages._';
  const lines = ['| Stage | Result | Time | Why |', '|---|---|---|---|'];
  for (const s of pipeline.stages) {
    const status = s.status === 'skipped' && s.reasons?.includes('frozen') ? 'skipped (frozen)' : STATUS_TEXT[s.status];
    const why = s.status === 'failed' ? (s.error ?? '') : (s.reasons ?? []).join('; ');
    const time = s.status === 'ran' || s.status === 'failed' ? formatSeconds(s.seconds) : '–';
    // A setting named in a reason (`deadline-minutes`) shows as code, as in the notes.
    lines.push(`| ${escapeCell(s.name)} | ${status} | ${time} | ${escapeCellKeepingCode(why)} |`);
  }
  for (const s of pipeline.stages) {
    if (s.status !== 'failed' || !s.log) continue;
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(s.log) + 1));
    lines.push('', `<details><summary>${escapeCell(s.name)}: last lines of output</summary>`, '', fence, s.log, fence, '', '</details>');
  }
  return lines.join('\n');
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

function longestBacktickRun(text: string): number {
  return (text.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0);
}
