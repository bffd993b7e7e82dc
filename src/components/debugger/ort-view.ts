/**
 * onnxruntime-web's result beside the engine's: median latency, threads, and the largest
 * per-node difference (absolute and scaled by the layer's largest value), listed per node. Shared
 * by the zoo debugger and /explore/.
 */
import type { OrtResult } from '~/components/runtime/protocol.ts';
import { formatMs, formatValue } from '~/lib/viz/charts/number-format.ts';
import { h } from './dom.ts';

export function ortView(r: OrtResult, limit: number): HTMLElement {
  const worst = [...(r.agreement ?? [])].sort((a, b) => b.scaled - a.scaled);
  const max = r.maxAbs ?? NaN;
  const scaled = r.maxScaled ?? NaN;
  const ok = scaled < limit;
  return h(
    'div',
    {},
    h(
      'dl',
      { class: 'dbg-sum' },
      h('div', {}, h('dt', {}, 'Median latency'), h('dd', { 'data-dbg': 'ort-median' }, formatMs(r.medianMs))),
      h(
        'div',
        {},
        h('dt', {}, 'Runs'),
        h('dd', {}, `${r.runsMs.length} (${r.runsMs.map((x) => formatMs(x)).join(', ')})`),
      ),
      h(
        'div',
        {},
        h('dt', {}, 'Threads'),
        h(
          'dd',
          {},
          `${r.threads}${r.threads === 1 && !crossOriginIsolated ? ' (page not cross-origin isolated)' : ''}`,
        ),
      ),
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
