/**
 * ResolvedCnn → engine graph. One function per timm module (`_efficientnet_blocks.py`
 * DepthwiseSeparableConv, InvertedResidual, EdgeResidual, ConvBnAct, SqueezeExcite;
 * `layers/global_context.py` GlobalContext), emitted with ONNX ops the engine runs.
 */
import type { Graph } from '../engine/graph.ts';
import { GraphBuilder } from './graph-builder.ts';
import type { ResolvedAttn, ResolvedBlock, ResolvedCnn } from './resolve.ts';
import type { LayoutOptions } from './spec.ts';

/** Opset 17: HardSwish (14) and LayerNormalization (17, used by global-context blocks). */
export const CNN_OPSET = 17;

/**
 * Conv pads [top, left, bottom, right]. PyTorch pads (k−1)/2 on both sides (timm `get_padding`);
 * TF SAME pads max((⌈x/s⌉−1)·s + k − x, 0) in total with the extra pixel at the bottom/right
 * (timm `get_same_padding`). Both give ⌈x/s⌉ outputs for odd k.
 */
export function convPads(size: number, k: number, stride: number, mode: 'symmetric' | 'same'): number[] {
  if (mode === 'symmetric') {
    const p = Math.floor((stride - 1 + (k - 1)) / 2);
    return [p, p, p, p];
  }
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + k - size, 0);
  const begin = Math.floor(total / 2);
  return [begin, begin, total - begin, total - begin];
}

/** Emits timm modules into a GraphBuilder; needs only the padding mode and the BN epsilon. */
export class CnnEmitter {
  constructor(
    readonly g: GraphBuilder,
    readonly style: {
      readonly padding: 'symmetric' | 'same';
      readonly bnEps: number;
      readonly projectionAct?: ResolvedBlock['act'];
    },
    /** Leading entry of the global-context Reshapes: 1 (batch 1) or 0 (copy the batch). */
    readonly batchShape: 0 | 1 = 1,
  ) {}

  get eps(): number {
    return this.style.bnEps;
  }

  conv(
    x: string,
    scope: string,
    size: number,
    inC: number,
    outC: number,
    k: number,
    stride: number,
    groups: number,
    bias = false,
  ): string {
    const pads = convPads(size, k, stride, this.style.padding);
    return this.g.conv(x, scope, { inC, outC, k, stride, groups, bias, pads });
  }

  /** BatchNorm (+ activation, as timm's BatchNormAct2d does inside `bnN`). */
  bnAct(x: string, scope: string, c: number, act: ResolvedBlock['act'] | null): string {
    const y = this.g.bn(x, scope, c, this.eps);
    return act ? this.g.act(y, act, scope) : y;
  }

  attn(x: string, scope: string, c: number, size: number, a: ResolvedAttn): string {
    const g = this.g;
    if (a.kind === 'se') {
      // SqueezeExcite: mean over H, W → conv_reduce (bias) → act → conv_expand (bias) → gate → x · gate.
      const s = g.op1('GlobalAveragePool', [x], {}, scope);
      const r = g.pointwise(s, `${scope}.conv_reduce`, c, a.width);
      const ra = g.act(r, a.act, `${scope}.act1`);
      const e = g.pointwise(ra, `${scope}.conv_expand`, a.width, c);
      return g.op1('Mul', [x, g.gate(e, a.gate, `${scope}.gate`)], {}, scope);
    }
    // GlobalContext (fuse_scale): softmax attention pooling over the H·W positions gives a C×1
    // context (GCNet §3, timm `GlobalContext.forward`), then a bottleneck MLP with LayerNorm gates x.
    const hw = size * size;
    const logits = g.pointwise(x, `${scope}.conv_attn`, c, 1);
    const flat = g.reshape(logits, [this.batchShape, hw], scope);
    const soft = g.op1('Softmax', [flat], { axis: { type: 'int', value: -1 } }, scope);
    const col = g.reshape(soft, [this.batchShape, hw, 1], scope);
    const xr = g.reshape(x, [this.batchShape, c, hw], scope);
    const ctx = g.op1('MatMul', [xr, col], {}, scope);
    const ctx4 = g.reshape(ctx, [this.batchShape, c, 1, 1], scope);
    const m = `${scope}.mlp_scale`;
    const f1 = g.pointwise(ctx4, `${m}.fc1`, c, a.width);
    // LayerNorm2d normalises over channels; on a 1×1 map that is a LayerNorm of the [1, rd] row.
    const f1r = g.reshape(f1, [this.batchShape, a.width], `${m}.norm`);
    const ln = g.op1(
      'LayerNormalization',
      [f1r, g.weight(`${m}.norm.weight`, [a.width]), g.weight(`${m}.norm.bias`, [a.width])],
      { axis: { type: 'int', value: -1 }, epsilon: { type: 'float', value: 1e-6 } },
      `${m}.norm`,
    );
    const ln4 = g.reshape(ln, [this.batchShape, a.width, 1, 1], `${m}.norm`);
    const act = g.act(ln4, a.act, `${m}.act`);
    const f2 = g.pointwise(act, `${m}.fc2`, a.width, c);
    return g.op1('Mul', [x, g.gate(f2, 'sigmoid', `${scope}.gate`)], {}, scope);
  }

  /**
   * The tail of ds/dsa, ir and er blocks: [SE] on the `mid`-channel map, then the 1×1 projection to
   * the block's output channels (`conv`) and its BN (`bn`) with `act` (dsa's, or none: linear bottleneck).
   */
  project(
    y: string,
    b: ResolvedBlock,
    mid: number,
    conv: string,
    bn: string,
    act: ResolvedBlock['act'] | null,
  ): string {
    const s = b.scope;
    if (b.attn) y = this.attn(y, `${s}.se`, mid, b.outSize, b.attn);
    y = this.conv(y, `${s}.${conv}`, b.outSize, mid, b.outChannels, 1, 1, 1);
    return this.bnAct(y, `${s}.${bn}`, b.outChannels, act);
  }

  block(x: string, b: ResolvedBlock): string {
    const s = b.scope;
    const linear = this.style.projectionAct ?? null;
    let y: string;
    switch (b.type) {
      case 'ds':
      case 'dsa': {
        y = this.conv(x, `${s}.conv_dw`, b.inSize, b.inChannels, b.inChannels, b.kernel, b.stride, b.inChannels);
        y = this.bnAct(y, `${s}.bn1`, b.inChannels, b.act);
        y = this.project(y, b, b.inChannels, 'conv_pw', 'bn2', b.type === 'dsa' ? b.act : linear);
        break;
      }
      case 'ir': {
        y = this.conv(x, `${s}.conv_pw`, b.inSize, b.inChannels, b.midChannels, 1, 1, 1);
        y = this.bnAct(y, `${s}.bn1`, b.midChannels, b.act);
        y = this.conv(y, `${s}.conv_dw`, b.inSize, b.midChannels, b.midChannels, b.kernel, b.stride, b.midChannels);
        y = this.bnAct(y, `${s}.bn2`, b.midChannels, b.act);
        y = this.project(y, b, b.midChannels, 'conv_pwl', 'bn3', linear);
        break;
      }
      case 'er': {
        y = this.conv(x, `${s}.conv_exp`, b.inSize, b.inChannels, b.midChannels, b.kernel, b.stride, 1);
        y = this.bnAct(y, `${s}.bn1`, b.midChannels, b.act);
        y = this.project(y, b, b.midChannels, 'conv_pwl', 'bn2', linear);
        break;
      }
      case 'cn': {
        y = this.conv(x, `${s}.conv`, b.inSize, b.inChannels, b.outChannels, b.kernel, b.stride, 1);
        y = this.bnAct(y, `${s}.bn1`, b.outChannels, b.act);
        break;
      }
    }
    return b.residual ? this.g.op1('Add', [y, x], {}, s, 'Add') : y;
  }
}

/**
 * Builds the graph of a resolved CNN: input `input` [1, 3, R, R], output `logits` [1, classes]
 * (batch and input channels per `layout`).
 */
export function buildCnnGraph(net: ResolvedCnn, name: string, layout: LayoutOptions = {}): Graph {
  const g = new GraphBuilder(name, CNN_OPSET);
  const e = new CnnEmitter(g, net.spec, layout.batch === undefined ? 1 : 0);
  const { spec, stem, head } = net;
  const R = spec.resolution;
  const batch = layout.batch ?? 1;
  const inC = layout.inChannels ?? 3;
  let x = g.input('input', [batch, inC, R, R]);
  x = e.conv(x, 'conv_stem', R, inC, stem.outChannels, 3, 2, 1);
  x = e.bnAct(x, 'bn1', stem.outChannels, stem.act);
  for (const b of net.blocks) x = e.block(x, b);
  const last = net.blocks[net.blocks.length - 1];
  const lastC = last ? last.outChannels : stem.outChannels;
  if (head.kind === 'conv') {
    x = e.conv(x, 'conv_head', head.size, lastC, head.features, 1, 1, 1);
    x = e.bnAct(x, 'bn2', head.features, head.act);
    x = g.op1('GlobalAveragePool', [x], {}, 'global_pool');
  } else if (head.kind === 'efficient') {
    // MobileNetV3 §5.3 "efficient last stage": pool first, then the 1×1 conv runs on a 1×1 map.
    x = g.op1('GlobalAveragePool', [x], {}, 'global_pool');
    const bias = spec.head.kind === 'efficient' && spec.head.bias;
    x = g.pointwise(x, 'conv_head', lastC, head.features, bias);
    x = g.act(x, head.act, 'act2');
  } else {
    x = g.op1('GlobalAveragePool', [x], {}, 'global_pool');
  }
  x = g.op1('Flatten', [x], { axis: { type: 'int', value: 1 } }, 'flatten');
  x = g.linear(x, 'classifier', net.classifierIn, spec.numClasses);
  return g.finish([{ name: x, dtype: 'float32', dims: [batch, spec.numClasses] }]);
}
