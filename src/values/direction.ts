/** Which way is better for a metric. */
export type Direction = 'higher' | 'lower';

const LOWER_BETTER = new Set([
  'loss',
  'error',
  'err',
  'errors',
  'mae',
  'mse',
  'rmse',
  'mape',
  'smape',
  'wape',
  'msle',
  'rmsle',
  'medae',
  'hinge',
  'regret',
  'cost',
  'fid',
  'bpc',
  'bpd',
  'wer',
  'cer',
  'perplexity',
  'ppl',
  'latency',
  'fpr',
  'fnr',
  'nll',
  'logloss',
  'brier',
  'eer',
  'time',
  'seconds',
  'duration',
]);
const HIGHER_BETTER = new Set([
  'acc',
  'accuracy',
  'precision',
  'prec',
  'recall',
  'rec',
  'f1',
  'fscore',
  'auc',
  'auroc',
  'auprc',
  'roc',
  'ap',
  'map',
  'iou',
  'miou',
  'dice',
  'r2',
  'bleu',
  'rouge',
  'score',
  'tpr',
  'top1',
  'top5',
  'specificity',
  'sensitivity',
  'mcc',
  'kappa',
  'ndcg',
  'mrr',
  'hit',
  'hits',
  'jaccard',
  'psnr',
  'ssim',
  'meteor',
  'chrf',
  'throughput',
]);

/**
 * Which way is better, from the metric's name, in words: `val_loss` and `valLoss` lower, `test.accuracy` and
 * `avg_prec` higher; a "lower" word wins within a part (`error_rate`, `log_loss`). The dotted part nearest the end
 * that names a known metric decides: DVCLive's summaries nest a metric over its split (`avg_prec.test`,
 * `roc_auc.train` in DVC's example project) as often as the other way round (`test.avg_prec`).
 */
export function guessDirection(key: string): Direction | undefined {
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const direction = partDirection(parts[i]!);
    if (direction) return direction;
  }
  return undefined;
}

function partDirection(part: string): Direction | undefined {
  const words = part
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((w) => LOWER_BETTER.has(w))) return 'lower';
  if (words.some((w) => HIGHER_BETTER.has(w) || /^(?:f1|top\d+|recall@?\d*|precision@?\d*)$/.test(w))) return 'higher';
  return undefined;
}
