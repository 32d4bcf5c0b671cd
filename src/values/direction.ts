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
 * Which way is better, from the metric's own name (its last dotted part, in words): `val_loss` and `valLoss` lower,
 * `test.accuracy` and `avg_prec` higher; a "lower" word wins (`error_rate`, `log_loss`).
 */
export function guessDirection(key: string): Direction | undefined {
  const last = key.slice(key.lastIndexOf('.') + 1);
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((w) => LOWER_BETTER.has(w))) return 'lower';
  if (words.some((w) => HIGHER_BETTER.has(w) || /^(?:f1|top\d+|recall@?\d*|precision@?\d*)$/.test(w))) return 'higher';
  return undefined;
}
