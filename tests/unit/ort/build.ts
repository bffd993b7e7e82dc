/**
 * A small graph builder for the engine-vs-onnxruntime tests: seeded random weights, one call per
 * node, and the blocks the lessons run (MBConv with SE, Fused-MBConv, MobileNetV3, a ViT block).
 */
import type { Attrs, Graph, Node } from '~/lib/engine/graph.ts';
import { float, int, ints, str } from '~/lib/engine/graph.ts';
import { tensor, type Tensor } from '~/lib/engine/tensor.ts';
import { prng, randomTensor } from '../onnx/helpers.ts';

export class GraphBuilder {
  readonly nodes: Node[] = [];
  readonly initializers = new Map<string, Tensor>();
  readonly inputs: { name: string; dtype: 'float32'; dims: number[] }[] = [];
  private readonly rand: () => number;
  private count = 0;

  constructor(
    seed: number,
    readonly opset = 20,
  ) {
    this.rand = prng(seed);
  }

  input(name: string, dims: number[]): string {
    this.inputs.push({ name, dtype: 'float32', dims });
    return name;
  }

  /** A seeded uniform(-scale, scale) float32 weight. */
  weight(dims: number[], scale = 0.5): string {
    const name = `w${this.initializers.size}`;
    this.initializers.set(name, randomTensor(dims, this.rand, scale));
    return name;
  }

  /** A positive weight (BatchNorm variance and scale). */
  positive(dims: number[], lo = 0.5, hi = 1.5): string {
    const name = `w${this.initializers.size}`;
    const t = randomTensor(dims, this.rand);
    for (let i = 0; i < t.data.length; i++) t.data[i] = lo + ((t.data[i] + 1) / 2) * (hi - lo);
    this.initializers.set(name, t);
    return name;
  }

  const(t: Tensor): string {
    const name = `k${this.initializers.size}`;
    this.initializers.set(name, t);
    return name;
  }

  ints64(values: number[]): string {
    return this.const(tensor('int64', [values.length], values));
  }

  /** Adds a node and returns its first output's name. */
  op(opType: string, inputs: string[], attrs: Attrs = {}, scope = '', nOut = 1): string {
    const id = this.count++;
    const outputs = Array.from({ length: nOut }, (_, k) => `v${id}${k ? `_${k}` : ''}`);
    this.nodes.push({ name: `${scope ? `${scope}/` : ''}${opType}_${id}`, opType, inputs, outputs, attrs, scope });
    return outputs[0];
  }

  conv(
    x: string,
    cin: number,
    cout: number,
    k: number,
    attrs: {
      stride?: number;
      group?: number;
      pads?: number[];
      autoPad?: string;
      dilation?: number;
      bias?: boolean;
    } = {},
    scope = '',
  ): string {
    const group = attrs.group ?? 1;
    const w = this.weight([cout, cin / group, k, k], 1 / Math.sqrt((cin / group) * k * k));
    const inputs = [x, w];
    if (attrs.bias !== false) inputs.push(this.weight([cout], 0.1));
    const a: Record<string, Attrs[string]> = {
      kernel_shape: ints([k, k]),
      strides: ints([attrs.stride ?? 1, attrs.stride ?? 1]),
      group: int(group),
    };
    if (attrs.dilation) a.dilations = ints([attrs.dilation, attrs.dilation]);
    if (attrs.autoPad) a.auto_pad = str(attrs.autoPad);
    else a.pads = ints(attrs.pads ?? [(k - 1) >> 1, (k - 1) >> 1, (k - 1) >> 1, (k - 1) >> 1]);
    return this.op('Conv', inputs, a, scope);
  }

  bn(x: string, c: number, scope = ''): string {
    return this.op(
      'BatchNormalization',
      [x, this.positive([c]), this.weight([c], 0.2), this.weight([c], 0.2), this.positive([c])],
      { epsilon: float(1e-5) },
      scope,
    );
  }

  silu(x: string, scope = ''): string {
    return this.op('Mul', [x, this.op('Sigmoid', [x], {}, scope)], {}, scope);
  }

  /**
   * Squeeze-and-excitation (Hu et al. 2018, §3): GAP → reduce → act → expand → gate → scale.
   * The hard-sigmoid slope 1/6 is written as 0.16666667, the value a float32 attribute holds,
   * so export → import gives back the same number.
   */
  se(
    x: string,
    c: number,
    reduced: number,
    act: 'silu' | 'relu',
    gate: 'Sigmoid' | 'HardSigmoid',
    scope: string,
  ): string {
    const s = this.op('GlobalAveragePool', [x], {}, scope);
    let r = this.conv(s, c, reduced, 1, { pads: [0, 0, 0, 0] }, `${scope}.conv_reduce`);
    r = act === 'silu' ? this.silu(r, scope) : this.op('Relu', [r], {}, scope);
    const e = this.conv(r, reduced, c, 1, { pads: [0, 0, 0, 0] }, `${scope}.conv_expand`);
    const g =
      gate === 'Sigmoid'
        ? this.op('Sigmoid', [e], {}, scope)
        : this.op('HardSigmoid', [e], { alpha: float(0.16666667), beta: float(0.5) }, scope);
    return this.op('Mul', [x, g], {}, scope);
  }

  /** Marks every node output as a graph output, so ORT reports each intermediate. */
  graph(name: string, outputs: string[]): Graph {
    return {
      name,
      opset: this.opset,
      inputs: this.inputs,
      outputs: outputs.map((o) => ({ name: o, dtype: 'float32', dims: [] })),
      initializers: this.initializers,
      nodes: this.nodes,
    };
  }
}

/** MBConv (MobileNetV2 §3.3 inverted residual, EfficientNet §4 with SE and SiLU). */
export function mbconvSe(): Graph {
  const b = new GraphBuilder(101, 13);
  const x = b.input('x', [1, 16, 10, 10]);
  let h = b.silu(
    b.bn(b.conv(x, 16, 64, 1, { pads: [0, 0, 0, 0], bias: false }, 'block.conv_pw'), 64, 'block.bn1'),
    'block',
  );
  h = b.silu(b.bn(b.conv(h, 64, 64, 3, { group: 64, bias: false }, 'block.conv_dw'), 64, 'block.bn2'), 'block');
  h = b.se(h, 64, 4, 'silu', 'Sigmoid', 'block.se');
  h = b.bn(b.conv(h, 64, 16, 1, { pads: [0, 0, 0, 0], bias: false }, 'block.conv_pwl'), 16, 'block.bn3');
  const y = b.op('Add', [h, x], {}, 'block');
  return b.graph('mbconv_se', [y]);
}

/** Fused-MBConv (EfficientNetV2 §3.2): one 3×3 conv replaces expand + depthwise. */
export function fusedMbconv(): Graph {
  const b = new GraphBuilder(202, 13);
  const x = b.input('x', [1, 8, 12, 12]);
  let h = b.silu(b.bn(b.conv(x, 8, 32, 3, { bias: false }, 'block.conv_exp'), 32, 'block.bn1'), 'block');
  h = b.bn(b.conv(h, 32, 8, 1, { pads: [0, 0, 0, 0], bias: false }, 'block.conv_pwl'), 8, 'block.bn2');
  return b.graph('fused_mbconv', [b.op('Add', [h, x], {}, 'block')]);
}

/** MobileNetV3 bneck (Howard et al. 2019, §5.2): h-swish, 5×5 depthwise, hard-sigmoid SE. */
export function mobilenetV3Block(): Graph {
  const b = new GraphBuilder(303, 14);
  const x = b.input('x', [1, 24, 9, 9]);
  let h = b.op(
    'HardSwish',
    [b.bn(b.conv(x, 24, 72, 1, { pads: [0, 0, 0, 0], bias: false }, 'block.conv_pw'), 72, 'block.bn1')],
    {},
    'block',
  );
  h = b.op(
    'HardSwish',
    [b.bn(b.conv(h, 72, 72, 5, { group: 72, bias: false }, 'block.conv_dw'), 72, 'block.bn2')],
    {},
    'block',
  );
  h = b.se(h, 72, 24, 'relu', 'HardSigmoid', 'block.se');
  h = b.bn(b.conv(h, 72, 24, 1, { pads: [0, 0, 0, 0], bias: false }, 'block.conv_pwl'), 24, 'block.bn3');
  return b.graph('mobilenetv3_block', [b.op('Add', [h, x], {}, 'block')]);
}

/** A pre-norm ViT encoder block (Dosovitskiy et al. 2021, eq. 2–3): MHSA and a Gelu MLP, each with a residual. */
export function vitBlock(): Graph {
  const tokens = 5;
  const dim = 16;
  const heads = 2;
  const hd = dim / heads;
  const b = new GraphBuilder(404, 20);
  const x = b.input('x', [1, tokens, dim]);
  const ln1 = b.op(
    'LayerNormalization',
    [x, b.positive([dim]), b.weight([dim], 0.1)],
    { axis: int(-1), epsilon: float(1e-6) },
    'attn.norm',
  );
  const qkv = b.op(
    'Add',
    [b.op('MatMul', [ln1, b.weight([dim, 3 * dim], 0.3)], {}, 'attn.qkv'), b.weight([3 * dim], 0.1)],
    {},
    'attn.qkv',
  );
  const split = b.op('Reshape', [qkv, b.ints64([1, tokens, 3, heads, hd])], {}, 'attn');
  const perm = b.op('Transpose', [split], { perm: ints([2, 0, 3, 1, 4]) }, 'attn');
  const pick = (i: number) =>
    b.op(
      'Squeeze',
      [b.op('Gather', [perm, b.const(tensor('int64', [1], [i]))], { axis: int(0) }, 'attn'), b.ints64([0])],
      {},
      'attn',
    );
  const [q, k, v] = [pick(0), pick(1), pick(2)];
  const kt = b.op('Transpose', [k], { perm: ints([0, 1, 3, 2]) }, 'attn');
  const scores = b.op(
    'Mul',
    [b.op('MatMul', [q, kt], {}, 'attn'), b.const(tensor('float32', [], [1 / Math.sqrt(hd)]))],
    {},
    'attn',
  );
  const attn = b.op('Softmax', [scores], { axis: int(-1) }, 'attn');
  const ctx = b.op(
    'Reshape',
    [
      b.op('Transpose', [b.op('MatMul', [attn, v], {}, 'attn')], { perm: ints([0, 2, 1, 3]) }, 'attn'),
      b.ints64([1, tokens, dim]),
    ],
    {},
    'attn',
  );
  const proj = b.op(
    'Add',
    [b.op('MatMul', [ctx, b.weight([dim, dim], 0.3)], {}, 'attn.proj'), b.weight([dim], 0.1)],
    {},
    'attn.proj',
  );
  const r1 = b.op('Add', [x, proj], {}, '');
  const ln2 = b.op(
    'LayerNormalization',
    [r1, b.positive([dim]), b.weight([dim], 0.1)],
    { axis: int(-1), epsilon: float(1e-6) },
    'mlp.norm',
  );
  const fc1 = b.op(
    'Gelu',
    [
      b.op(
        'Add',
        [b.op('MatMul', [ln2, b.weight([dim, 4 * dim], 0.3)], {}, 'mlp.fc1'), b.weight([4 * dim], 0.1)],
        {},
        'mlp.fc1',
      ),
    ],
    {},
    'mlp',
  );
  const fc2 = b.op(
    'Add',
    [b.op('MatMul', [fc1, b.weight([4 * dim, dim], 0.2)], {}, 'mlp.fc2'), b.weight([dim], 0.1)],
    {},
    'mlp.fc2',
  );
  return b.graph('vit_block', [b.op('Add', [r1, fc2], {}, '')]);
}
