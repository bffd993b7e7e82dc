/**
 * SE gates for two images side by side: each squeeze-and-excitation block's gate vector (Hu et al.
 * 2018, arXiv 1709.01507, §3.2: s = σ(W2 δ(W1 z)), one scale per channel) for image A and image B,
 * and their difference, so a reader sees which channels a block turns up or down per input ("the
 * excitation becomes increasingly class-specific" in later blocks, §6.4). Pure arithmetic.
 */
export interface GateRow {
  /** The SE block's scope (e.g. blocks.2.0.se), or the gate value's name. */
  readonly block: string;
  readonly gate: string;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** a − b per channel. */
  readonly diff: Float64Array;
  /** Mean |a − b| over the channels. */
  readonly meanAbsDiff: number;
  /** Largest |a − b| and its channel. */
  readonly maxAbsDiff: number;
  readonly maxChannel: number;
}

export function gateRows(
  gates: readonly { readonly block: string; readonly gate: string }[],
  a: Readonly<Record<string, { readonly data: ArrayLike<number> }>>,
  b: Readonly<Record<string, { readonly data: ArrayLike<number> }>>,
): GateRow[] {
  return gates.map(({ block, gate }) => {
    const ga = a[gate];
    const gb = b[gate];
    if (!ga || !gb) throw new Error(`no gate values for ${gate}`);
    if (ga.data.length !== gb.data.length)
      throw new Error(`${gate}: ${ga.data.length} channels for image A, ${gb.data.length} for image B`);
    const n = ga.data.length;
    const av = Float64Array.from(ga.data);
    const bv = Float64Array.from(gb.data);
    const diff = new Float64Array(n);
    let sum = 0;
    let maxAbsDiff = 0;
    let maxChannel = 0;
    for (let k = 0; k < n; k++) {
      diff[k] = av[k] - bv[k];
      const m = Math.abs(diff[k]);
      sum += m;
      if (m > maxAbsDiff) {
        maxAbsDiff = m;
        maxChannel = k;
      }
    }
    return { block, gate, a: av, b: bv, diff, meanAbsDiff: n ? sum / n : 0, maxAbsDiff, maxChannel };
  });
}

/** The SE block's scope from its squeeze node's name ("blocks.2.0.se"), else the gate's name. */
export function gateBlockName(squeezeNode: string, gate: string): string {
  return /\.se$/.test(squeezeNode) ? squeezeNode : gate;
}
