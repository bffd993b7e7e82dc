/**
 * onnxruntime-web's result beside the engine's: median latency and threads of each (the engine's
 * only when its own runs were timed, as in the zoo debugger), and the largest per-node difference
 * (absolute and scaled by the layer's largest value), listed per node. Shared by the zoo debugger
 * and /explore/.
 */
import type { EngineTiming, OrtResult } from '~/components/runtime/protocol.ts';
import { formatMs, formatSig, formatValue } from '~/lib/viz/charts/number-format.ts';
import { threadsText } from '~/lib/viz/debugger/engine-threads.ts';
import { h } from './dom.ts';

const runsText = (runsMs: readonly number[]): string =>
  `${runsMs.length} (${runsMs.map((x) => formatMs(x)).join(', ')})`;

const ortThreadsText = (r: OrtResult): string =>
  `${r.threads}${r.threads === 1 && !crossOriginIsolated ? ' (page not cross-origin isolated)' : ''}`;

/** ORT's timing alone (/explore/, which does not time the engine's whole runs). */
function ortOnly(r: OrtResult): HTMLElement[] {
  return [
    h('div', {}, h('dt', {}, 'Median latency'), h('dd', { 'data-dbg': 'ort-median' }, formatMs(r.medianMs))),
    h('div', {}, h('dt', {}, 'Runs'), h('dd', {}, runsText(r.runsMs))),
    h('div', {}, h('dt', {}, 'Threads'), h('dd', { 'data-dbg': 'ort-threads' }, ortThreadsText(r))),
  ];
}

/** The engine and ORT side by side: threads and median of each, then each one's runs. */
function versus(r: OrtResult, e: EngineTiming): HTMLElement {
  const row = (name: string, key: string, threads: string, threadsValue: number, ms: number, extra = {}) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num', 'data-dbg': `${key}-threads`, 'data-value': String(threadsValue), ...extra }, threads),
      h('td', { class: 'num', 'data-dbg': `${key}-median`, 'data-value': String(ms) }, formatMs(ms)),
    );
  return h(
    'table',
    { class: 'dbg-ops dbg-vs', 'data-dbg': 'runtimes' },
    h('caption', {}, 'Whole runs on this input, median after a warm-up'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Runtime'),
        h('th', { scope: 'col', class: 'num' }, 'Threads'),
        h('th', { scope: 'col', class: 'num' }, 'Median'),
      ),
    ),
    h(
      'tbody',
      {},
      row('Engine', 'engine', String(e.threads), e.threads, e.medianMs, { 'data-split-calls': String(e.splitCalls) }),
      row('onnxruntime-web', 'ort', ortThreadsText(r), r.threads, r.medianMs),
    ),
  );
}

export function ortView(r: OrtResult, limit: number): HTMLElement {
  const worst = [...(r.agreement ?? [])].sort((a, b) => b.scaled - a.scaled);
  const max = r.maxAbs ?? NaN;
  const scaled = r.maxScaled ?? NaN;
  const ok = scaled < limit;
  const e = r.engine;
  return h(
    'div',
    {},
    ...(e ? [versus(r, e)] : []),
    h(
      'dl',
      { class: 'dbg-sum' },
      ...(e
        ? [
            h(
              'div',
              {},
              h('dt', {}, 'Engine ÷ onnxruntime-web'),
              h(
                'dd',
                { 'data-dbg': 'engine-ratio' },
                `${formatSig(e.medianMs / r.medianMs)}× the time (${threadsText(e.threads)} against ${threadsText(r.threads)})`,
              ),
            ),
            h('div', {}, h('dt', {}, 'Engine runs'), h('dd', {}, runsText(e.runsMs))),
            h('div', {}, h('dt', {}, 'onnxruntime-web runs'), h('dd', {}, runsText(r.runsMs))),
          ]
        : ortOnly(r)),
      h(
        'div',
        {},
        h('dt', {}, 'Largest |engine − ORT| over all node outputs'),
        h('dd', { 'data-dbg': 'ort-max-abs', 'data-value': String(max) }, formatValue(max, 3)),
      ),
      h(
        'div',
        {},
        h('dt', {}, 'Largest |engine − ORT| ÷ max(1, layer’s largest |value|)'),
        h('dd', { 'data-dbg': 'ort-agreement', 'data-value': String(scaled) }, formatValue(scaled, 3)),
      ),
    ),
    h(
      'p',
      { class: ok ? 'muted' : 'dbg-error' },
      ok
        ? `All ${worst.length} node outputs agree to within ${formatValue(limit, 1)} of their layer’s scale (float32 keeps about 7 significant digits, so large activations are compared relative to their size).`
        : `Some node outputs differ by more than ${formatValue(limit, 1)} of their layer’s scale; the largest are listed below.`,
    ),
    h(
      'details',
      {},
      h('summary', {}, `Agreement per node (${worst.length}, largest first)`),
      h(
        'div',
        { class: 'table-scroll dbg-scroll', tabindex: 0, role: 'region', 'aria-label': 'Agreement per node' },
        h(
          'table',
          { class: 'dbg-ops' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Node'),
              h('th', { scope: 'col', class: 'num' }, 'max |Δ|'),
              h('th', { scope: 'col', class: 'num' }, 'scaled'),
            ),
          ),
          h(
            'tbody',
            {},
            ...worst.map((a) =>
              h(
                'tr',
                {},
                h('td', {}, a.node),
                h('td', { class: 'num' }, formatValue(a.maxAbs, 3)),
                h('td', { class: 'num' }, formatValue(a.scaled, 3)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
