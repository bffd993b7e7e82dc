/**
 * The block-string grammar of timm's `_efficientnet_builder.py` (`_decode_block_str`), which
 * itself follows the TF MnasNet/EfficientNet strings (`r1_k3_s11_e1_i32_o16_se0.25`):
 *
 *     <type>_r<repeats>_k<kernel>_s<stride>_e<expansion>_c<out channels>[_se<ratio>][_n<act>][_noskip|_skip]
 *
 * Options may come in any order after the type. Types:
 * - `ds`  DepthwiseSeparable: dw k×k (+BN+act) → [SE] → pw 1×1 (+BN, no act); residual when
 *         stride 1 and in = out unless `noskip` (MobileNetV2's and EfficientNet's first block).
 * - `dsa` the same with an activation after the pw conv and never a residual (MobileNetV1).
 * - `ir`  InvertedResidual / MBConv: pw 1×1 expand (+BN+act) → dw k×k (+BN+act) → [SE] →
 *         pw 1×1 linear (+BN); residual when stride 1 and in = out unless `noskip`.
 * - `er`  EdgeResidual = Fused-MBConv: k×k expand conv carrying the stride (+BN+act) → [SE] →
 *         pw 1×1 linear (+BN); residual as for `ir`.
 * - `cn`  ConvBnAct: one k×k conv (+BN+act); residual only with `skip` (EfficientNetV2's first
 *         stage, MobileNetV3's last 1×1 block).
 * Options: `r` repeats, `k` kernel, `s` stride (only the stage's first block strides), `e`
 * expansion ratio (ignored by ds/dsa/cn), `c` output channels before width scaling, `se` SE ratio,
 * `n` activation override (`re` ReLU, `r6` ReLU6, `hs` hard-swish, `sw` swish/SiLU), `noskip`/`skip`.
 */

export type BlockType = 'ds' | 'dsa' | 'ir' | 'er' | 'cn';
export type Act = 'relu' | 'relu6' | 'hard_swish' | 'swish' | 'gelu';

export interface BlockDef {
  readonly type: BlockType;
  readonly repeats: number;
  readonly kernel: number;
  readonly stride: number;
  /** Expansion ratio (1 for ds/dsa/cn). */
  readonly expansion: number;
  /** Output channels before width scaling. */
  readonly outChannels: number;
  /** Squeeze-excitation ratio, 0 for none. */
  readonly seRatio: number;
  /** Activation override; undefined = the model's default. */
  readonly act?: Act;
  /** Residual forced off (`noskip`; always for dsa). */
  readonly noskip: boolean;
  /** Residual forced on (`skip`, cn only). */
  readonly skip: boolean;
  /** The string this was parsed from. */
  readonly source: string;
}

const TYPES: readonly BlockType[] = ['ds', 'dsa', 'ir', 'er', 'cn'];
const ACTS: Readonly<Record<string, Act>> = { re: 'relu', r6: 'relu6', hs: 'hard_swish', sw: 'swish' };

function fail(source: string, why: string): never {
  throw new Error(`block string '${source}': ${why}`);
}

/** Parses one block string, e.g. `ir_r2_k3_s2_e6_c24_se0.25_nre`. */
export function parseBlockString(source: string): BlockDef {
  const [head, ...ops] = source.split('_');
  if (!TYPES.includes(head as BlockType)) fail(source, `unknown block type '${head}' (expected ${TYPES.join(', ')})`);
  const type = head as BlockType;
  const opts = new Map<string, number>();
  let act: Act | undefined;
  let noskip = false;
  let skip = false;
  for (const op of ops) {
    if (op === 'noskip') noskip = true;
    else if (op === 'skip') skip = true;
    else if (op.startsWith('n')) {
      const a = ACTS[op.slice(1)];
      if (!a)
        fail(
          source,
          `unknown activation '${op}' (expected ${Object.keys(ACTS)
            .map((k) => 'n' + k)
            .join(', ')})`,
        );
      act = a;
    } else {
      // Like timm's `re.split(r'(\d.*)', op)`: the key is the letters before the first digit.
      const m = /^([a-z]+)(\d.*)$/.exec(op);
      if (!m) fail(source, `cannot read option '${op}'`);
      const [, key, value] = m;
      if (!['r', 'k', 's', 'e', 'c', 'se'].includes(key)) fail(source, `unsupported option '${key}'`);
      const v = Number(value);
      if (!Number.isFinite(v)) fail(source, `option '${op}' is not a number`);
      opts.set(key, v);
    }
  }
  for (const key of ['r', 'k', 's', 'c']) if (!opts.has(key)) fail(source, `missing '${key}'`);
  if ((type === 'ir' || type === 'er') && !opts.has('e')) fail(source, `'${type}' needs an expansion 'e'`);
  const stride = opts.get('s')!;
  if (stride !== 1 && stride !== 2) fail(source, `stride must be 1 or 2, got ${stride}`);
  if (skip && type !== 'cn') fail(source, `'skip' applies only to cn blocks`);
  return {
    type,
    repeats: opts.get('r')!,
    kernel: opts.get('k')!,
    stride,
    expansion: type === 'ir' || type === 'er' ? opts.get('e')! : 1,
    outChannels: opts.get('c')!,
    seRatio: type === 'cn' ? 0 : (opts.get('se') ?? 0),
    act,
    noskip: type === 'dsa' || noskip,
    skip,
    source,
  };
}
