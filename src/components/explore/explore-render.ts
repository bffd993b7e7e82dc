/**
 * /explore/'s views of an ExploreResult, as DOM (the result is computed in a worker from a file the
 * reader opened, so nothing here can be rendered at build time): the summary, the unsupported ops,
 * the architecture diagram laid out by lib/viz/models/arch-diagram.ts (columns that expand into blocks and
 * ops), the compute breakdown, and the layer table. Text is always set as text.
 */
import { ARCH_GEOMETRY, type ArchDiagram } from '~/lib/viz/models/arch-diagram.ts';
import type { Share } from '~/lib/viz/models/compute-breakdown.ts';
import type { ExploreResult, ExploreSummary } from '~/lib/viz/debugger/explore-summary.ts';
import { formatBytes, formatCompact, formatInt, formatShare } from '~/lib/viz/charts/number-format.ts';
import { formatField, formatShape } from '~/lib/viz/models/layer-format.ts';
import type { LayerTable } from '~/lib/viz/models/layer-table.ts';
import { dataTable, h, numColumn, readoutRow, s } from '~/components/debugger/dom.ts';
import { SUPPORTED_DTYPES_TEXT } from '~/lib/engine/onnx/validate-graph.ts';

const dims = (d: readonly (number | string)[]): string => `[${d.join(', ')}]`;

function row(label: string, value: string | Node, key?: string): HTMLElement {
  return readoutRow(label, value, { 'data-x': key });
}

export function summaryView(sm: ExploreSummary): HTMLElement {
  const a = sm.analysis;
  const io = (vs: ExploreSummary['inputs']): HTMLElement =>
    h('ul', { class: 'x-io' }, ...vs.map((v) => h('li', {}, h('code', {}, v.name), ` ${v.dtype} ${dims(v.dims)}`)));
  return h(
    'section',
    { class: 'card x-section', 'aria-labelledby': 'x-summary-h' },
    h('h2', { id: 'x-summary-h' }, `Summary of ${sm.file}`),
    h(
      'dl',
      { class: 'x-summary' },
      row('Inputs', io(sm.inputs)),
      row('Outputs', io(sm.outputs)),
      row(
        'Opset',
        `${sm.opset} (IR version ${sm.irVersion})${sm.otherDomains.length ? `; also ${sm.otherDomains.join(', ')}` : ''}`,
        'opset',
      ),
      row('Producer', sm.producer || 'not recorded', 'producer'),
      row('Nodes', formatInt(sm.nodes), 'nodes'),
      row('Parameters', a ? `${formatInt(a.params)} (${formatCompact(a.params)})` : 'not computed', 'params'),
      row(
        'Multiply-accumulates (MACs)',
        a ? `${formatInt(a.macs)} (${formatCompact(a.macs)})` : 'not computed',
        'macs',
      ),
      row(
        'FLOPs',
        a ? `${formatCompact(a.flops)} (FLOPs = 2 × MACs: one multiply and one add each)` : 'not computed',
        'flops',
      ),
      row(
        'Peak activation memory',
        a
          ? `${formatBytes(a.peakLiveBytes)} (inputs and outputs alive at once, each freed after its last use)`
          : 'not computed',
        'peak',
      ),
      row('Weight bytes', `${formatBytes(sm.weightBytes)} in the file's initializers`, 'weights'),
      row('File', `${formatBytes(sm.bytes)}`),
    ),
    a
      ? h('p', {
          class: 'muted small',
          hidden: true,
          'data-x': 'exact',
          'data-params': String(a.params),
          'data-macs': String(a.macs),
        })
      : null,
    sm.analysisError ? h('p', { class: 'x-note' }, sm.analysisError) : null,
    h(
      'details',
      { class: 'x-ops' },
      h('summary', {}, `Op types (${sm.opCounts.length})`),
      h('ul', { class: 'x-opcounts' }, ...sm.opCounts.map(([op, n]) => h('li', {}, h('code', {}, op), ` × ${n}`))),
    ),
  );
}

export function unsupportedView(sm: ExploreSummary): HTMLElement | null {
  if (sm.unsupported.length === 0) return null;
  const by = new Map<string, string[]>();
  for (const u of sm.unsupported) {
    const k = u.domain ? `${u.domain}.${u.opType}` : u.opType;
    by.set(k, [...(by.get(k) ?? []), u.node]);
  }
  return h(
    'section',
    { class: 'card x-section x-unsupported', 'aria-labelledby': 'x-unsup-h', 'data-x': 'unsupported' },
    h('h2', { id: 'x-unsup-h' }, 'Ops the engine does not run'),
    h(
      'p',
      {},
      `${sm.unsupported.length} node${sm.unsupported.length > 1 ? 's' : ''} of ${by.size} op type${by.size > 1 ? 's' : ''}. The step-through debugger needs every op; onnxruntime-web can still run the whole file below.`,
    ),
    sm.unsupported.some((u) =>
      /^(QLinear|Quantize|Dequantize|DynamicQuantize|ConvInteger|MatMulInteger)/.test(u.opType),
    )
      ? h('p', { class: 'x-note' }, `Quantized models are not supported: the engine runs ${SUPPORTED_DTYPES_TEXT}.`)
      : null,
    h('ul', {}, ...[...by].map(([op, nodes]) => h('li', {}, h('code', {}, op), `: ${nodes.join(', ')}`))),
  );
}

/** The diagram: SVG columns (height ∝ √side, width ∝ log channels), then a fold-out panel per column. */
export function diagramView(d: ArchDiagram, model: string): HTMLElement {
  const G = ARCH_GEOMETRY;
  const svg = s('svg', {
    class: 'x-arch-svg',
    viewBox: `0 0 ${d.width} ${d.height}`,
    role: 'group',
    style: `min-width: ${Math.min(d.width, 640)}px; max-width: ${Math.round(d.width * 1.3)}px`,
    'aria-label': `Architecture of ${model}: ${d.columns.length} sections; select one to list its blocks`,
  });
  for (const c of d.columns) {
    const g = s(
      'g',
      {
        class: `col ${c.kind}`,
        'data-section': c.section,
        role: 'button',
        tabindex: 0,
        'aria-label': `${c.label}, ${c.dims}`,
      },
      s('rect', { class: 'hit', x: c.cx - G.slot / 2 + 2, y: 0, width: G.slot - 4, height: d.height, rx: 6 }),
      s('rect', { class: 'box', x: c.x, y: c.y, width: c.w, height: c.h, rx: 3 }),
      s('text', { class: 'lbl', x: c.cx, y: d.labelY, 'text-anchor': 'middle' }, c.label),
      s('text', { class: 'dims', x: c.cx, y: d.labelY + G.lineGap, 'text-anchor': 'middle' }, c.dims),
      ...(c.note
        ? [s('text', { class: 'dims', x: c.cx, y: d.labelY + 2 * G.lineGap, 'text-anchor': 'middle' }, c.note)]
        : []),
    );
    svg.append(g);
  }
  const panels = d.columns.map((c) =>
    h(
      'details',
      { class: 'x-panel', 'data-section': c.section },
      h('summary', {}, h('strong', {}, c.label), ` · ${c.dims}${c.note ? ` · ${c.note}` : ''}`),
      h(
        'ol',
        { class: 'x-blocks' },
        ...c.blocks.map((b) =>
          h(
            'li',
            {},
            h(
              'details',
              { class: 'block', 'data-block': b.id, open: c.blocks.length === 1 },
              h('summary', {}, h('code', {}, b.id), ` ${b.label} `, h('span', { class: 'muted' }, `· ${b.detail}`)),
              h(
                'ol',
                { class: 'x-oplist' },
                ...b.ops.map((o) =>
                  h('li', { class: 'op', 'data-op': o.id }, o.label, o.detail ? h('small', {}, ` ${o.detail}`) : null),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const root = h(
    'div',
    { class: 'x-arch' },
    h('div', { class: 'x-arch-scroll scroll-x' }, svg),
    h('div', { class: 'x-panels' }, ...panels),
  );
  const open = (section: string): void => {
    const p = root.querySelector<HTMLDetailsElement>(`.x-panel[data-section="${section}"]`);
    if (p) p.open = !p.open;
    root
      .querySelectorAll('.col')
      .forEach((c) => c.classList.toggle('selected', c.getAttribute('data-section') === section && (p?.open ?? false)));
  };
  svg.addEventListener('click', (e) => {
    const col = (e.target as Element).closest('.col');
    if (col) open(col.getAttribute('data-section')!);
  });
  svg.addEventListener('keydown', (e) => {
    const col = (e.target as Element).closest('.col');
    if (col && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open(col.getAttribute('data-section')!);
    }
  });
  return root;
}

export function breakdownView(sections: readonly Share[], kinds: readonly Share[], total: number): HTMLElement {
  const bars = (title: string, shares: readonly Share[]): HTMLElement =>
    h(
      'div',
      { class: 'x-bars' },
      h('h3', {}, title),
      h(
        'ul',
        {},
        ...shares.map((sh) => {
          const pct = total > 0 ? (100 * sh.macs) / total : 0;
          return h(
            'li',
            {},
            h('span', { class: 'x-bar-label' }, sh.label),
            h('span', { class: 'x-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct.toFixed(1)}%` })),
            h('span', { class: 'x-bar-value' }, `${formatCompact(sh.macs)} MACs · ${formatShare(pct / 100)}`),
          );
        }),
      ),
    );
  return h('div', { class: 'x-breakdown' }, bars('By section', sections), bars('By kind of op', kinds));
}

export function tableView(t: LayerTable): HTMLElement {
  const head = ['Layer', 'Op', 'Kernel', 'Stride', 'Groups', 'Input', 'Output', 'Params', 'MACs', 'Activations', 'RF'];
  const table = dataTable(
    { class: 'x-table' },
    head.map((c, i) => (i >= 7 ? numColumn(c) : c)),
    t.rows.map((r) =>
      h(
        'tr',
        { 'data-row': r.index, 'data-block': r.block },
        h('td', {}, h('code', {}, r.name)),
        h('td', {}, r.op),
        h('td', {}, r.kernel ?? ''),
        h('td', {}, r.stride ?? ''),
        h('td', {}, r.groups ?? ''),
        h('td', {}, formatShape(r.input)),
        h('td', {}, formatShape(r.output)),
        h('td', { class: 'num' }, formatInt(r.params)),
        h('td', { class: 'num' }, formatInt(r.macs)),
        h('td', { class: 'num' }, formatBytes(r.activationBytes)),
        h('td', { class: 'num' }, formatField(r.rf)),
      ),
    ),
  );
  table.append(
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row', colspan: 7 }, `Total (${t.totals.rows} rows)`),
        h('td', { class: 'num', 'data-x': 'table-params' }, formatInt(t.totals.params)),
        h('td', { class: 'num', 'data-x': 'table-macs' }, formatInt(t.totals.macs)),
        h('td', { class: 'num' }, formatBytes(t.totals.activationBytes)),
        h('td', {}, ''),
      ),
    ),
  );
  return h(
    'div',
    { class: 'x-table-scroll scroll-x', tabindex: 0, role: 'region', 'aria-label': 'Layer table' },
    table,
  );
}

/** The block structure's provenance, in words. */
export function structureNote(r: ExploreResult): string {
  const st = r.structure;
  if (!st) return '';
  if (st.source === 'file')
    return 'Blocks from the scopes this file carries (written by depthwise export), so they match the zoo model page.';
  if (st.source === 'sequence')
    return 'No residual, squeeze-and-excitation, depthwise-separable or transformer pattern was found, so the graph is shown as a plain sequence.';
  const f = st.found;
  const parts = [
    f.residual ? `${f.residual} residual span${f.residual > 1 ? 's' : ''}` : '',
    f.separable ? `${f.separable} depthwise + pointwise group${f.separable > 1 ? 's' : ''}` : '',
    f.se ? `${f.se} squeeze-and-excitation gate${f.se > 1 ? 's' : ''}` : '',
    f.transformer ? `${f.transformer} transformer block${f.transformer > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return `Blocks found in the graph's structure: ${parts.join(', ') || 'convolutions'}. Stages change where the output channels do.`;
}
