/**
 * The comparison table as an HTML string, so the build (default pair, readable without
 * JavaScript) and the browser (any pair from the URL) render it with one function. Every text
 * is escaped; numbers come from `alignStages`.
 */
import { alignStages, formatDelta, type AlignedLevel, type LevelSide, type ModelSummary } from './compare-stages.ts';
import { formatBytes, formatCompact, formatInt } from '../charts/number-format.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const LEVEL_LABEL = (key: string): string => (key === 'stem' ? 'stem' : key === 'head' ? 'head' : `stride ${key}`);

function stagesCell(s: LevelSide): string {
  if (s.stages.length === 0) return '<span class="muted">—</span>';
  const names =
    s.stages.length > 3
      ? `${s.stages[0].label} … ${s.stages[s.stages.length - 1].label}`
      : s.stages.map((x) => x.label).join(', ');
  return escapeHtml(names);
}

function resCell(s: LevelSide, key: string): string {
  if (s.stages.length === 0) return '—';
  if (key === 'head') return '1²';
  const last = s.stages[s.stages.length - 1];
  return `${last.outResolution}²×${last.channels}`;
}

function cell(cls: string, value: number, text: string): string {
  return `<td class="num ${cls}" data-value="${value}">${escapeHtml(text)}</td>`;
}

function deltaCell(cls: string, v: number, f: (n: number) => string): string {
  const sign = v > 0 ? 'up' : v < 0 ? 'down' : 'same';
  return `<td class="num delta ${cls} ${sign}" data-value="${v}">${escapeHtml(formatDelta(v, f))}</td>`;
}

function levelRow(l: AlignedLevel, label = LEVEL_LABEL(l.key), sides?: readonly [string, string]): string {
  const [ca, cb] = sides ?? [
    `${stagesCell(l.a)}<br><small class="mono">${resCell(l.a, l.key)}</small>`,
    `${stagesCell(l.b)}<br><small class="mono">${resCell(l.b, l.key)}</small>`,
  ];
  return [
    `<tr data-level="${escapeHtml(l.key)}">`,
    `<th scope="row">${escapeHtml(label)}</th>`,
    `<td class="a">${ca}</td>`,
    `<td class="b">${cb}</td>`,
    cell('params-a', l.a.params, formatCompact(l.a.params)),
    cell('params-b', l.b.params, formatCompact(l.b.params)),
    deltaCell('params-d', l.delta.params, formatCompact),
    cell('macs-a', l.a.macs, formatCompact(l.a.macs)),
    cell('macs-b', l.b.macs, formatCompact(l.b.macs)),
    deltaCell('macs-d', l.delta.macs, formatCompact),
    cell('act-a', l.a.activationBytes, formatBytes(l.a.activationBytes)),
    cell('act-b', l.b.activationBytes, formatBytes(l.b.activationBytes)),
    deltaCell('act-d', l.delta.activationBytes, formatBytes),
    '</tr>',
  ].join('');
}

/** The full comparison (heading line, table, totals) of models a and b. */
export function compareTableHtml(a: ModelSummary, b: ModelSummary): string {
  const levels = alignStages(a, b);
  const ea = escapeHtml(a.id);
  const eb = escapeHtml(b.id);
  const total = {
    key: 'total',
    a: { stages: [], params: a.params, macs: a.macs, activationBytes: a.activationBytes, resolution: a.resolution },
    b: { stages: [], params: b.params, macs: b.macs, activationBytes: b.activationBytes, resolution: b.resolution },
    delta: {
      params: b.params - a.params,
      macs: b.macs - a.macs,
      activationBytes: b.activationBytes - a.activationBytes,
    },
  };
  const totalRow = levelRow(total, 'total', [`${a.resolution} px input`, `${b.resolution} px input`]);
  return [
    `<p class="cmp-lede">A = <a href="/models/${ea}/">${ea}</a> (${escapeHtml(a.family)}, ${formatInt(a.params)} params, ${formatInt(a.macs)} MACs) · `,
    `B = <a href="/models/${eb}/">${eb}</a> (${escapeHtml(b.family)}, ${formatInt(b.params)} params, ${formatInt(b.macs)} MACs). Δ = B − A.</p>`,
    `<div class="table-scroll" tabindex="0" role="region" aria-label="${ea} against ${eb}"><table class="cmp">`,
    `<caption class="visually-hidden">${ea} (A) against ${eb} (B), aligned by output stride</caption>`,
    '<thead><tr><th scope="col" rowspan="2">Level</th><th scope="colgroup" colspan="2">Stages, output size</th>',
    '<th scope="colgroup" colspan="3">Params</th><th scope="colgroup" colspan="3">MACs</th><th scope="colgroup" colspan="3">Activations written</th></tr>',
    '<tr><th scope="col">A</th><th scope="col">B</th>',
    ...['params', 'macs', 'act'].map(
      () => '<th scope="col" class="num">A</th><th scope="col" class="num">B</th><th scope="col" class="num">Δ</th>',
    ),
    '</tr></thead><tbody>',
    ...levels.map((l) => levelRow(l)),
    '</tbody><tfoot>',
    totalRow,
    '</tfoot></table></div>',
  ].join('');
}
