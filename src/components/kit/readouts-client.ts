/**
 * The browser half of <Readouts>: writes each item's value into its [data-out=key] under `root`.
 * An item whose element is missing is an error in the widget, so it throws with the key named.
 */
import type { Readout } from '~/lib/viz/kit/controls.ts';

export function setReadouts(root: ParentNode, items: readonly Readout[]): void {
  const set = (key: string, text: string, label: string) => {
    const el = root.querySelector(`[data-out="${key}"]`);
    if (!el) throw new Error(`setReadouts: no [data-out="${key}"] for the read-out "${label}"`);
    if (el.textContent !== text) el.textContent = text;
  };
  for (const r of items) {
    set(r.key, r.value, r.label);
    if (r.detail !== undefined) set(`${r.key}-detail`, r.detail, r.label);
  }
}
