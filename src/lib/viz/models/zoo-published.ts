/**
 * Published figures beside the computed ones. For every cited params/MACs figure: the difference
 * from what the engine computes and, whenever they differ by more than the printed rounding, the
 * reason, taken from the zoo's own data (its MACs reference reason, a citation's note, a
 * different resolution) or from the table of documented reasons below.
 */
import type { Citation, ZooEntry } from '../../models/index.ts';
import { TIMM_BENCH, TORCHVISION } from '../../models/zoo-entry.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';
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
export const KNOWN_REASONS: readonly {
  readonly test: (id: string, source: string, metric: 'params' | 'macs') => boolean;
  readonly reason: string;
}[] = [
  {
    test: (_id, s, m) => s.startsWith('timm results/benchmark') && m === 'macs',
    reason:
      "timm's GMACs come from a profiler that also counts BatchNorm, activations and pooling (timm benchmark.py), printed to two decimals; this page counts conv + linear only",
  },
  {
    test: (_id, s, m) => s.startsWith('TF-slim') && m === 'params',
    reason: 'TF-slim counts no BatchNorm parameters and has a 1001-class classifier (tensorflow/models slim README)',
  },
  {
    test: (id, s, m) => /mobilenetv3/.test(id) && /MobileNetV3 paper/.test(s) && m === 'macs',
    reason:
      'the paper counts MAdds after folding BatchNorm into the convolutions (rwightman, pytorch-image-models#134)',
  },
  {
    test: (id, s, m) => id.startsWith('tf_efficientnetv2') && /EfficientNetV2 paper/.test(s) && m === 'macs',
    reason:
      "the paper's FLOPs (= multiply-adds) differ from those of the released models: the automl README lists S 8.4 B, M 24.7 B, L 56.3 B, within 1 % of this page",
  },
  {
    test: (id, s, m) => id.startsWith('tf_efficientnetv2') && /README/.test(s) && m === 'macs',
    reason: 'the automl README rounds to 0.1 B',
  },
  {
    test: (_id, s, m) => /MnasNet paper|tpu/.test(s) && m === 'macs',
    reason:
      'the MnasNet paper and the tpu README count multiply-adds after folding BatchNorm (rwightman, pytorch-image-models#134)',
  },
  {
    test: (_id, s) => /secondary source/.test(s),
    reason: 'a different network: the MobileNetV3 paper\'s "Mnas-small" baseline, not timm\'s mnasnet_small',
  },
];

/** Half-width of the rounding of a printed figure (e.g. 5.3 M → ±0.05 M), from its significant digits. */
export function roundingTolerance(value: number): number {
  const v = Math.round(Math.abs(value));
  if (v === 0) return 0;
  const digits = String(v).replace(/0+$/, '').length;
  const unit = 10 ** (String(v).length - digits);
  return unit / 2;
}

/**
 * How each source prints its figures: the value of one unit in the last printed digit. A stored
 * number loses the trailing zeros its source printed (timm's "0.40" GMACs is stored as 4e8, which
 * alone would read as one significant digit and accept anything from 350 M to 450 M), so the
 * sources that print a fixed number of decimals say so here. `sig` means a fixed count of
 * significant digits. Sources not listed fall back to the digits of the stored value.
 */
export const PRINTED_PRECISION: readonly {
  readonly test: (source: string) => boolean;
  readonly params?: number | { sig: number };
  readonly macs?: number | { sig: number };
  readonly how: string;
}[] = [
  {
    test: (s) => s === TIMM_BENCH,
    params: 0.01e6,
    macs: 0.01e9,
    how: 'param_count in millions and infer_gmacs, both with two decimals',
  },
  {
    test: (s) => s.startsWith(TORCHVISION),
    params: 1,
    macs: 0.001e9,
    how: 'num_params exact, _ops in GMACs with three decimals',
  },
  {
    test: (s) => s.startsWith('MobileNetV1 paper'),
    params: 0.1e6,
    macs: 1e6,
    how: 'Tables 6 and 7: millions of parameters with one decimal, whole millions of mult-adds',
  },
  {
    test: (s) => s.startsWith('MobileNetV2 paper'),
    params: 0.1e6,
    macs: 1e6,
    how: 'Table 4: millions of parameters with one decimal, whole millions of MAdds',
  },
  {
    test: (s) => s.startsWith('TF-slim'),
    params: 0.01e6,
    macs: 1e6,
    how: 'README table: millions of parameters with two decimals, whole millions of MACs',
  },
  {
    test: (s) => s.startsWith('MobileNetV3 paper'),
    params: 0.1e6,
    macs: 1e6,
    how: 'Table 3: millions of parameters with one decimal, whole millions of MAdds',
  },
  {
    test: (s) => s.startsWith('EfficientNet paper'),
    params: { sig: 2 },
    macs: { sig: 2 },
    how: 'Table 2: two significant digits (0.39B, 0.70B, 1.0B, 19B; 5.3M, 12M)',
  },
];

/**
 * "Same, to the digits printed": the computed count, rounded as the source rounds (its decimals, or
 * its significant digits counted on the computed value), is the published figure.
 */
export function sameAsPrinted(source: string, metric: 'params' | 'macs', published: number, computed: number): boolean {
  const rule = PRINTED_PRECISION.find((r) => r.test(source))?.[metric];
  if (typeof rule === 'object') return Math.abs(Number(computed.toPrecision(rule.sig)) - published) <= 1e-9 * published;
  return Math.abs(published - computed) <= printedStep(source, metric, published) / 2 + 1e-6 * computed;
}

/** The printed step of a cited figure: its source's rule, or the digits of the stored value. */
export function printedStep(source: string, metric: 'params' | 'macs', value: number): number {
  const rule = PRINTED_PRECISION.find((r) => r.test(source))?.[metric];
  if (rule === undefined) return 2 * roundingTolerance(value);
  if (typeof rule === 'number') return rule;
  return 10 ** (Math.floor(Math.log10(Math.abs(value))) - rule.sig + 1);
}

function reasonFor(entry: ZooEntry, c: Citation, metric: 'params' | 'macs'): string | undefined {
  const res = entry.spec.resolution;
  if (metric === 'macs' && c.resolution !== undefined && c.resolution !== res) {
    return `measured at ${c.resolution} px; this model runs at ${res} px, and MACs grow with the pixel count`;
  }
  if (metric === 'macs' && entry.macsReference && entry.macsReference.source === c.source)
    return entry.macsReference.reason;
  return KNOWN_REASONS.find((k) => k.test(entry.id, c.source, metric))?.reason;
}

/** Every cited params and MACs figure of a zoo entry, checked against the computed ones. */
export function figureChecks(
  entry: ZooEntry,
  computed: { readonly params: number; readonly macs: number },
): FigureCheck[] {
  const out: FigureCheck[] = [];
  const add = (c: Citation, metric: 'params' | 'macs', published: number | undefined) => {
    if (published === undefined) return;
    const value = computed[metric];
    const withinRounding = sameAsPrinted(c.source, metric, published, value);
    out.push({
      source: c.source,
      tag: sourceTag(c.source),
      metric,
      published,
      computed: value,
      delta: (published - value) / value,
      withinRounding,
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
      .sort((a, b) => printedStep(a.source, a.metric, a.published) - printedStep(b.source, b.metric, b.published))[0];
    const shown =
      agree &&
      (printedStep(agree.source, agree.metric, agree.published) < 2
        ? formatInt(agree.published)
        : formatCompact(agree.published));
    const who = agree ? `; ${agree.tag} counts the same architecture as this page (${shown})` : '';
    return { ...f, reason: `not explained by the source, which does not say how it counted${who}` };
  });
}
