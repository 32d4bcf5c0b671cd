import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imagesIn, RELATIVE_IMAGES } from '../../src/report/images';

test("report.md written away from its plots links into their folder (mode publish: the images stay in the artifact's folder)", () => {
  const images = imagesIn('/work/run/mlreport-artifact', '/tmp/runner/mlreport');
  assert.equal(images.url('plots/loss (val).png'), '../../../work/run/mlreport-artifact/plots/loss%20%28val%29.png');
  assert.equal(imagesIn('/work/out', '/work/out').url('plots/a.png'), RELATIVE_IMAGES.url('plots/a.png'));
});
