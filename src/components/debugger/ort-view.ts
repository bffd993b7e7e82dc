/**
 * onnxruntime-web's result beside the engine's: median latency and threads of each (the engine's
 * only when its own runs were timed, as in the zoo debugger), and the largest per-node difference
 * (absolute and scaled by the layer's largest value), listed per node; and the comparison that
 * asks the worker for it. Shared by the zoo debugger and /explore/.
 */
import type { EngineTiming, OrtResult } from '~/components/runtime/protocol.ts';
import { CancelledError } from '~/components/runtime/runtime-client.ts';
import { formatMs, formatSig, formatValue } from '~/lib/viz/charts/number-format.ts';
import { threadsText } from '~/lib/viz/debugger/engine-threads.ts';
import { dataTable, h, numColumn, readoutRow } from './dom.ts';
import type { Stepper } from './stepper.ts';

/** Scaled engine − ORT difference under which every node output counts as agreeing. */
const AGREEMENT_LIMIT = 1e-4;

const runsText = (runsMs: readonly number[]): string =>
  `${runsMs.length} (${runsMs.map((x) => formatMs(x)).join(', ')})`;

const ortThreadsText = (r: OrtResult): string =>
  `${r.threads}${r.threads === 1 && !crossOriginIsolated ? ' (page not cross-origin isolated)' : ''}`;

/** ORT's timing alone (/explore/, which does not time the engine's whole runs). */
function ortOnly(r: OrtResult): HTMLElement[] {
  return [
    readoutRow('Median latency', formatMs(r.medianMs), { 'data-dbg': 'ort-median' }),
    readoutRow('Runs', runsText(r.runsMs)),
    readoutRow('Threads', ortThreadsText(r), { 'data-dbg': 'ort-threads' }),
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
  return dataTable(
    { class: 'dbg-ops dbg-vs', 'data-dbg': 'runtimes' },
    ['Runtime', numColumn('Threads'), numColumn('Median')],
    [
      row('Engine', 'engine', String(e.threads), e.threads, e.medianMs, { 'data-split-calls': String(e.splitCalls) }),
      row('onnxruntime-web', 'ort', ortThreadsText(r), r.threads, r.medianMs),
    ],
    h('caption', {}, 'Whole runs on this input, median after a warm-up'),
  );
}

function ortView(r: OrtResult, limit: number): HTMLElement {
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
            readoutRow(
              'Engine ÷ onnxruntime-web',
              `${formatSig(e.medianMs / r.medianMs)}× the time (${threadsText(e.threads)} against ${threadsText(r.threads)})`,
              { 'data-dbg': 'engine-ratio' },
            ),
            readoutRow('Engine runs', runsText(e.runsMs)),
            readoutRow('onnxruntime-web runs', runsText(r.runsMs)),
          ]
        : ortOnly(r)),
      readoutRow('Largest |engine − ORT| over all node outputs', formatValue(max, 3), {
        'data-dbg': 'ort-max-abs',
        'data-value': String(max),
      }),
      readoutRow('Largest |engine − ORT| ÷ max(1, layer’s largest |value|)', formatValue(scaled, 3), {
        'data-dbg': 'ort-agreement',
        'data-value': String(scaled),
      }),
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
        dataTable(
          { class: 'dbg-ops' },
          ['Node', numColumn('max |Δ|'), numColumn('scaled')],
          worst.map((a) =>
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
  );
}

/**
 * Runs onnxruntime-web on the stepper's model and input (`runs` timed runs; with `engine`, the
 * engine's whole runs timed too) and shows the result in `root`'s ort-result box, `root` marked
 * busy meanwhile. `before` runs first, inside the same error handling (the zoo debugger hands the
 * worker the reader's thread choice there).
 */
export async function compareWithOrt(
  st: Stepper,
  root: HTMLElement,
  ask: { runs: number; engine?: boolean },
  before?: () => Promise<void>,
): Promise<void> {
  const out = root.querySelector<HTMLElement>('[data-dbg="ort-result"]')!;
  root.toggleAttribute('data-busy', true);
  out.replaceChildren(h('p', { class: 'muted' }, 'Running…'));
  try {
    await before?.();
    const { result } = await st.client.one({ type: 'ort', agreement: true, ...ask }, 'ort', {
      onProgress: (phase, d, t) => out.replaceChildren(h('p', { class: 'muted' }, `${phase} (${d}/${t})`)),
    });
    out.replaceChildren(ortView(result, AGREEMENT_LIMIT));
    // The comparison ran the engine to the end; show where the stepper now stands.
    await st.goto(st.step);
  } catch (e) {
    if (e instanceof CancelledError) st.fail(e);
    out.replaceChildren(
      h('p', { class: 'dbg-error' }, `onnxruntime-web failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  } finally {
    root.toggleAttribute('data-busy', false);
  }
}
