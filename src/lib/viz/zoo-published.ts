/**
 * Published figures beside the computed ones. For every cited params/MACs figure: the difference
 * from what the engine computes and, whenever they differ by more than the printed rounding, the
 * reason, taken from the zoo's own data (its MACs reference reason, a citation's note, a
 * different resolution) or from the table of documented reasons below.
 */
import type { Citation, ZooEntry } from '../models/index.ts';
import { formatCompact } from './format.ts';
import { sourceTag } from './zoo-table.ts';

export interface FigureCheck {
  readonly source: string;
  readonly tag: string;
  readonly metric: 'params' | 'macs';
  readonly published: number;
  readonly computed: number;
  /** (published − computed) / computed. */
  readonly delta: number;
  /** The published figure is the computed one rounded to the digits it was printed with. */
  readonly withinRounding: boolean;
  readonly reason?: string;
  readonly resolution?: number;
}

/**
 * Documented reasons for gaps the zoo's data does not explain, keyed by source tag and metric.
 * Each cites where the explanation comes from (published.md §1, §3, §4 and the papers).
 */
export const KNOWN_REASONS: readonly { readonly test: (id: string, source: string, metric: 'params' | 'macs') => boolean; readonly reason: string }[] = [
  {
    test: (_id, s, m) => s.startsWith('timm results/benchmark') && m === 'macs',
    reason: 'timm\'s GMACs come from a profiler that also counts BatchNorm, activations and pooling (timm benchmark.py), printed to two decimals; this page counts conv + linear only',
  },
  {
    test: (_id, s, m) => s.startsWith('TF-slim') && m === 'params',
    reason: 'TF-slim counts no BatchNorm parameters and has a 1001-class classifier (tensorflow/models slim README)',
  },
  {
    test: (id, s, m) => /mobilenetv3/.test(id) && /MobileNetV3 paper/.test(s) && m === 'macs',
    reason: 'the paper counts MAdds after folding BatchNorm into the convolutions (rwightman, pytorch-image-models#134)',
  },
  {
    test: (id, s, m) => id.startsWith('tf_efficientnetv2') && /EfficientNetV2 paper/.test(s) && m === 'macs',
    reason: 'the paper\'s FLOPs (= multiply-adds) differ from those of the released models: the automl README lists S 8.4 B, M 24.7 B, L 56.3 B, within 1 % of this page',
  },
  {
    test: (id, s, m) => id.startsWith('tf_efficientnetv2') && /README/.test(s) && m === 'macs',
    reason: 'the automl README rounds to 0.1 B',
  },
  {
    test: (_id, s, m) => /MnasNet paper|tpu/.test(s) && m === 'macs',
    reason: 'the MnasNet paper and the tpu README count multiply-adds after folding BatchNorm (rwightman, pytorch-image-models#134)',
  },
  {
    test: (_id, s) => /secondary source/.test(s),
    reason: 'a different network: the MobileNetV3 paper\'s "Mnas-small" baseline, not timm\'s mnasnet_small',
  },
];

/** Relative half-width of the rounding of a printed figure (e.g. 5.3 M → ±0.05 M), from its significant digits. */
export function roundingTolerance(value: number): number {
  const v = Math.round(Math.abs(value));
  if (v === 0) return 0;
  const digits = String(v).replace(/0+$/, '').length;
  const unit = 10 ** (String(v).length - digits);
  return unit / 2;
}

function reasonFor(entry: ZooEntry, c: Citation, metric: 'params' | 'macs'): string | undefined {
  const res = entry.spec.resolution;
  if (metric === 'macs' && c.resolution !== undefined && c.resolution !== res) {
    return `measured at ${c.resolution} px; this model runs at ${res} px, and MACs grow with the pixel count`;
  }
  if (metric === 'macs' && entry.macsReference && entry.macsReference.source === c.source) return entry.macsReference.reason;
  return KNOWN_REASONS.find((k) => k.test(entry.id, c.source, metric))?.reason;
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Every cited params and MACs figure of a zoo entry, checked against the computed ones. */
export function figureChecks(entry: ZooEntry, computed: { readonly params: number; readonly macs: number }): FigureCheck[] {
  const out: FigureCheck[] = [];
  const add = (c: Citation, metric: 'params' | 'macs', published: number | undefined) => {
    if (published === undefined) return;
    const value = computed[metric];
    const withinRounding = Math.abs(published - value) <= roundingTolerance(published) + 1e-6 * value;
    out.push({
      source: c.source, tag: sourceTag(c.source), metric, published, computed: value, delta: (published - value) / value, withinRounding,
      ...(withinRounding ? {} : { reason: reasonFor(entry, c, metric) }),
      ...(c.resolution !== undefined ? { resolution: c.resolution } : {}),
    });
  };
  for (const c of entry.published) {
    add(c, 'params', c.params);
    add(c, 'macs', c.macs);
  }
  if (entry.exactParams && !entry.published.some((c) => c.params === entry.exactParams!.value)) {
    add({ source: entry.exactParams.source }, 'params', entry.exactParams.value);
  }
  // A gap no source explains: say so, and name an independent count that agrees with this page.
  return out.map((f) => {
    if (f.withinRounding || f.reason) return f;
    // The most precise agreeing figure (an exact integer before a rounded one).
    const agree = out
      .filter((g) => g.metric === f.metric && g.withinRounding && g.tag !== f.tag)
      .sort((a, b) => roundingTolerance(a.published) - roundingTolerance(b.published))[0];
    const shown = agree && (roundingTolerance(agree.published) < 1 ? fmtInt(agree.published) : formatCompact(agree.published));
    const who = agree ? `; ${agree.tag} counts the same architecture as this page (${shown})` : '';
    return { ...f, reason: `not explained by the source, which does not say how it counted${who}` };
  });
}
