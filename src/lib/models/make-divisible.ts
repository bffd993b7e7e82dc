/**
 * Channel rounding, exactly as timm does it (`timm/layers/helpers.py` make_divisible and
 * `_efficientnet_builder.py` round_channels), so parameter counts match timm's to the unit.
 *
 * The 10 % rule ("don't round down by more than 10 %") comes from the TF MobileNet and
 * EfficientNet code (`round_filters`); EfficientNetV2's own TF code drops it, and timm mirrors
 * that only for the V2-B* family with `round_limit=0`.
 */

/** Rounds `v` to the nearest multiple of `divisor` (at least `minValue`), then adds one divisor if that lost more than 1 − roundLimit. */
export function makeDivisible(v: number, divisor = 8, minValue?: number, roundLimit = 0.9): number {
  const min = minValue || divisor;
  // Python `int(v + divisor / 2) // divisor * divisor`; v > 0 so truncation is floor.
  let rounded = Math.max(min, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (rounded < roundLimit * v) rounded += divisor;
  return rounded;
}

/** timm `round_channels`: scale by the width multiplier, then `makeDivisible`. A multiplier of 0 leaves channels as given. */
export function roundChannels(
  channels: number,
  multiplier = 1.0,
  divisor = 8,
  channelMin?: number,
  roundLimit = 0.9,
): number {
  if (!multiplier) return channels;
  return makeDivisible(channels * multiplier, divisor, channelMin, roundLimit);
}

/**
 * Python 3 `round(x)`: round half to even. timm uses it for SE widths and for distributing scaled
 * repeats over a stage's block strings; JavaScript's Math.round rounds half up.
 */
export function pyRound(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
