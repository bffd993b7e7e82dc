/**
 * The browser half of <Readouts>: writes each item's value into its [data-out=key] under `root`.
 * An item whose element is missing is an error in the widget, so it throws with the key named.
 */
import type { Readout } from '~/lib/viz/kit/controls.ts';

export function setReadouts(root: ParentNode, items: readonly Readout[]): void {
  for (const r of items) {
    const el = root.querySelector(`[data-out="${r.key}"]`);
    if (!el) throw new Error(`setReadouts: no [data-out="${r.key}"] for the read-out "${r.label}"`);
    if (el.textContent !== r.value) el.textContent = r.value;
  }
}
