/**
 * The stepper's chrome: the position line, the MACs and time so far, the op list's current row and
 * the step buttons' disabled states (split from stepper.ts, which calls it before every redraw).
 */
import type { NodeInfo } from '~/components/runtime/protocol.ts';
import { formatCompact, formatInt, formatMs } from '~/lib/viz/charts/number-format.ts';
import { opOrdinals } from '~/lib/viz/debugger/step-timeline.ts';

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

interface OpRow {
  readonly el: HTMLElement;
  readonly k: number;
  current: boolean;
  done: boolean;
}

/** Each host's op-list rows (static markup) with the state last written to them. */
const rowsOf = new WeakMap<HTMLElement, OpRow[]>();

function opRows(root: HTMLElement): OpRow[] {
  let rows = rowsOf.get(root);
  if (!rows) {
    rows = [...root.querySelectorAll<HTMLElement>('[data-op-index]')].map((el) => ({
      el,
      k: Number(el.dataset.opIndex),
      current: el.hasAttribute('aria-current'),
      done: el.classList.contains('dbg-done'),
    }));
    rowsOf.set(root, rows);
  }
  return rows;
}

/** Hosts whose list scroll is already queued for the next frame. */
const following = new WeakSet<HTMLElement>();

/**
 * Keeps the current row in view inside the list, without scrolling the page. The row's position is
 * read in the next animation frame, after this step's writes (and the views' redraw, when it comes
 * first): reading it here forced a second layout of the whole page on every step.
 */
function followCurrentRow(root: HTMLElement, rows: readonly OpRow[]): void {
  if (following.has(root)) return;
  following.add(root);
  requestAnimationFrame(() => {
    following.delete(root);
    const cur = rows.find((r) => r.current)?.el;
    const list = cur?.closest<HTMLElement>('.dbg-scroll');
    if (!cur || !list) return;
    const top = cur.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
    if (top < list.scrollTop + 30 || top > list.scrollTop + list.clientHeight - cur.offsetHeight)
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
  });
}

/** Each node list's op numbering (Constants left out, as in the op list). */
const ordinalsOf = new WeakMap<readonly NodeInfo[], number[]>();

function ordinals(nodes: readonly NodeInfo[]): number[] {
  let o = ordinalsOf.get(nodes);
  if (!o) ordinalsOf.set(nodes, (o = opOrdinals(nodes)));
  return o;
}

export function updateChrome(s: ChromeHost): void {
  const i = s.step;
  const node = i >= 0 ? s.nodes[i] : undefined;
  const pos = s.root.querySelector<HTMLElement>('[data-dbg="position"]');
  if (pos) {
    const scoped = s.cfg.scope !== undefined;
    const ord = ordinals(s.nodes);
    const before = s.lo >= 0 ? ord[s.lo] : 0;
    pos.textContent =
      node && i > s.lo
        ? scoped
          ? `Op ${ord[i] - before} of ${ord[s.hi] - before} in ${s.cfg.scope}: ${node.name} (${node.opType})`
          : `Op ${ord[i]} of ${ord[s.nodes.length - 1]}: ${node.name} (${node.opType})`
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
  const rows = opRows(s.root);
  for (const r of rows) {
    // Only the rows whose state changes are written: toggling all of them (288 in B0) restyled the
    // whole list on every step.
    const current = r.k === i;
    const done = r.k <= i;
    if (current !== r.current) {
      if (current) r.el.setAttribute('aria-current', 'step');
      else r.el.removeAttribute('aria-current');
      r.current = current;
    }
    if (done !== r.done) {
      r.el.classList.toggle('dbg-done', done);
      r.done = done;
    }
  }
  followCurrentRow(s.root, rows);
  const scrub = s.root.querySelector<HTMLInputElement>('[data-dbg="scrubber"]');
  if (scrub) scrub.value = String(i);
  s.root
    .querySelectorAll<HTMLButtonElement>('[data-act="next"], [data-act="block"], [data-act="stage"], [data-act="end"]')
    .forEach((b) => (b.disabled = i >= s.hi));
  s.root
    .querySelectorAll<HTMLButtonElement>('[data-act="prev"], [data-act="reset"]')
    .forEach((b) => (b.disabled = i <= s.lo));
}
