/**
 * The stepper's chrome: the position line, the MACs and time so far, the op list's current row and
 * the step buttons' disabled states (split from stepper.ts, which calls it before every redraw).
 */
import type { NodeInfo } from '~/components/runtime/protocol.ts';
import { formatCompact, formatInt, formatMs } from '~/lib/viz/charts/number-format.ts';

/** What the chrome reads from the stepper. */
export interface ChromeHost {
  readonly root: HTMLElement;
  readonly cfg: { readonly scope?: string };
  readonly nodes: readonly NodeInfo[];
  readonly macs: readonly number[];
  readonly ms: readonly number[];
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
}

const fmtMs = formatMs;

export function updateChrome(s: ChromeHost): void {
  const i = s.step;
  const node = i >= 0 ? s.nodes[i] : undefined;
  const pos = s.root.querySelector<HTMLElement>('[data-dbg="position"]');
  if (pos) {
    const scoped = s.cfg.scope !== undefined;
    pos.textContent =
      node && i > s.lo
        ? scoped
          ? `Op ${i - s.lo} of ${s.hi - s.lo} in ${s.cfg.scope}: ${node.name} (${node.opType})`
          : `Op ${i + 1} of ${s.nodes.length}: ${node.name} (${node.opType})`
        : s.lo >= 0
          ? `Block input: the output of ${s.nodes[s.lo].name}, from running the model this far`
          : 'Preprocessing: the image as the model receives it';
  }
  const macs = s.root.querySelector<HTMLElement>('[data-dbg="macs"]');
  if (macs) {
    const base = s.lo >= 0 ? s.macs[s.lo] : 0;
    const m = i >= 0 ? s.macs[i] - base : 0;
    macs.textContent = `${formatInt(m)} (${formatCompact(m)})`;
  }
  const el = s.root.querySelector<HTMLElement>('[data-dbg="elapsed"]');
  if (el) {
    let t = 0;
    for (let k = s.lo + 1; k <= i; k++) t += Number.isFinite(s.ms[k]) ? s.ms[k] : 0;
    el.textContent = fmtMs(t);
  }
  s.root.querySelectorAll<HTMLElement>('[data-op-index]').forEach((li) => {
    const k = Number(li.dataset.opIndex);
    li.toggleAttribute('aria-current', k === i);
    li.classList.toggle('dbg-done', k <= i);
    if (k === i) li.setAttribute('aria-current', 'step');
  });
  const cur = s.root.querySelector<HTMLElement>('[data-op-index][aria-current]');
  const list = cur?.closest<HTMLElement>('.dbg-scroll');
  if (cur && list) {
    // Keep the current row in view inside the list, without scrolling the page.
    const top = cur.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop + 30 || top > list.scrollTop + list.clientHeight - cur.offsetHeight)
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  }
  const scrub = s.root.querySelector<HTMLInputElement>('[data-dbg="scrubber"]');
  if (scrub) scrub.value = String(i);
  s.root
    .querySelectorAll<HTMLButtonElement>('[data-act="next"], [data-act="block"], [data-act="stage"], [data-act="end"]')
    .forEach((b) => (b.disabled = i >= s.hi));
  s.root
    .querySelectorAll<HTMLButtonElement>('[data-act="prev"], [data-act="reset"]')
    .forEach((b) => (b.disabled = i <= s.lo));
}
