/**
 * The class of a categorical palette slot (kit.css `.viz-c0` … `.viz-c7`), which sets `--series` to
 * the slot's colour: slot 0 is the neutral colour (--text-soft: "other", a reference), 1–7 are
 * --viz-1 … --viz-7. A layout picks the slot; the widget's CSS paints with `var(--series)` and a
 * legend swatch carrying the same class is coloured by kit.css. Slots wrap every 8, so a layout
 * counting past 7 comes back to the neutral slot.
 */
export function seriesClass(slot: number): string {
  return `viz-c${slot % 8}`;
}
