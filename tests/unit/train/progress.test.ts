import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine } from '~/cli/progress.ts';

describe('training progress line', () => {
  it('shows step, loss, accuracy, images/s and ETA with a bar', () => {
    expect(
      progressLine({ step: 5, total: 20, epoch: 1, loss: 1.23456, accuracy: 0.4567, rate: 123.45, eta: 3725 }, 8),
    ).toBe('[##......] step 5/20 epoch 1 loss 1.2346 acc 45.7% 123.5 img/s ETA 1:02:05');
  });
  it('formats durations', () => {
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
