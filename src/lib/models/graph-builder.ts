/**
 * A small helper that appends ONNX nodes to an engine graph with weights **declared** by shape
 * (graph.declared), so a whole-model graph costs only its node list: statistics are instant and
 * `materialize` fills the values later. Weight names follow timm's state_dict
 * (`blocks.1.0.conv_pw.weight`), node scopes its module paths (`blocks.1.0.conv_pw`).
 */
import { float, int, ints, tensorAttr, type Attrs, type Graph, type Node, type ValueInfo } from '../engine/graph.ts';
import type { Tensor } from '../engine/tensor.ts';
import type { Act } from './block-string.ts';

export class GraphBuilder {
  private readonly nodes: Node[] = [];
  private readonly declared = new Map<string, ValueInfo>();
  private readonly inputs: ValueInfo[] = [];
  private readonly used = new Set<string>();
  private readonly constants = new Map<string, string>();

  constructor(
    readonly name: string,
    readonly opset: number,
  ) {}

  /** A unique value/node name based on `base`. */
  unique(base: string): string {
    let n = base;
    for (let i = 1; this.used.has(n); i++) n = `${base}_${i}`;
    this.used.add(n);
    return n;
  }

  input(name: string, dims: readonly (number | string)[]): string {
    this.used.add(name);
    this.inputs.push({ name, dtype: 'float32', dims });
    return name;
  }

  /** Declares a float32 weight by shape (a trainable parameter or a BatchNorm buffer). */
  weight(name: string, dims: readonly number[]): string {
    if (this.declared.has(name)) throw new Error(`GraphBuilder: weight '${name}' declared twice`);
    this.used.add(name);
    this.declared.set(name, { name, dtype: 'float32', dims });
    return name;
  }

  /**
   * A constant that is not a parameter (Clip bounds, a Reshape shape, the attention scale): an
   * ONNX Constant node, so parameter counts, which sum initializers, stay PyTorch's.
   * Identical constants are shared.
   */
  constant(hint: string, value: Tensor): string {
    const key = `${value.dtype}[${value.dims.join(',')}]:${Array.from(value.data).join(',')}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    const out = this.unique(`const.${hint}`);
    this.nodes.push({
      name: out,
      opType: 'Constant',
      inputs: [],
      outputs: [out],
      attrs: { value: tensorAttr(value) },
      scope: '',
    });
    this.constants.set(key, out);
    return out;
  }

  /** Appends a node; returns its output names (named after the scope, made unique). */
  op(opType: string, inputs: readonly string[], attrs: Attrs, scope: string, outputs = 1, label = opType): string[] {
    const base = scope || label.toLowerCase();
    const name = this.unique(this.used.has(base) ? `${base}.${label}` : base);
    const outs = outputs === 1 ? [name] : Array.from({ length: outputs }, (_, i) => this.unique(`${name}.${i}`));
    this.nodes.push({ name, opType, inputs, outputs: outs, attrs, scope });
    return outs;
  }

  /** One output of `op`. */
  op1(opType: string, inputs: readonly string[], attrs: Attrs, scope: string, label = opType): string {
    return this.op(opType, inputs, attrs, scope, 1, label)[0];
  }

  /** Conv2d (NCHW, OIHW weights) with explicit pads [top, left, bottom, right]. */
  conv(
    x: string,
    scope: string,
    o: { inC: number; outC: number; k: number; stride: number; groups: number; bias: boolean; pads: readonly number[] },
  ): string {
    const w = this.weight(`${scope}.weight`, [o.outC, o.inC / o.groups, o.k, o.k]);
    const ins = [x, w];
    if (o.bias) ins.push(this.weight(`${scope}.bias`, [o.outC]));
    return this.op1(
      'Conv',
      ins,
      {
        kernel_shape: ints([o.k, o.k]),
        strides: ints([o.stride, o.stride]),
        pads: ints(o.pads),
        dilations: ints([1, 1]),
        group: int(o.groups),
      },
      scope,
    );
  }

  /** A 1×1 Conv2d, stride 1, no padding (SE and global-context MLPs, MobileNetV3's efficient head). */
  pointwise(x: string, scope: string, inC: number, outC: number, bias = true): string {
    return this.conv(x, scope, { inC, outC, k: 1, stride: 1, groups: 1, bias, pads: [0, 0, 0, 0] });
  }

  /** Reshape to fixed `dims` (an int64 shape constant; 0 copies that input dim, as ONNX says). */
  reshape(x: string, dims: readonly number[], scope: string): string {
    return this.op1('Reshape', [x, this.constant('shape', int64s(dims))], {}, scope);
  }

  /** BatchNorm2d in inference form; running mean/var are buffers (not parameters). */
  bn(x: string, scope: string, channels: number, eps: number): string {
    const ins = ['weight', 'bias', 'running_mean', 'running_var'].map((p) => this.weight(`${scope}.${p}`, [channels]));
    return this.op1('BatchNormalization', [x, ...ins], { epsilon: float(eps) }, scope);
  }

  /** Linear as Gemm(x, W, b) with W stored [out, in] like PyTorch (transB=1). */
  linear(x: string, scope: string, inF: number, outF: number, bias = true): string {
    const w = this.weight(`${scope}.weight`, [outF, inF]);
    const ins = [x, w];
    if (bias) ins.push(this.weight(`${scope}.bias`, [outF]));
    return this.op1('Gemm', ins, { transB: int(1) }, scope);
  }

  /** An activation as ONNX ops (SiLU = x·sigmoid(x); ReLU6 = Clip(0, 6)). */
  act(x: string, act: Act, scope: string): string {
    switch (act) {
      case 'relu':
        return this.op1('Relu', [x], {}, scope);
      case 'relu6':
        return this.op1('Clip', [x, this.constant('zero', scalar(0)), this.constant('six', scalar(6))], {}, scope);
      case 'hard_swish':
        return this.op1('HardSwish', [x], {}, scope);
      case 'swish': {
        const s = this.op1('Sigmoid', [x], {}, scope);
        return this.op1('Mul', [x, s], {}, scope);
      }
      case 'gelu':
        return this.op1('Gelu', [x], {}, scope);
    }
  }

  /** A gate: sigmoid, or timm's hard_sigmoid = relu6(x + 3) / 6 = ONNX HardSigmoid(α = 1/6, β = 0.5). */
  gate(x: string, gate: 'sigmoid' | 'hard_sigmoid', scope: string): string {
    return gate === 'sigmoid'
      ? this.op1('Sigmoid', [x], {}, scope)
      : this.op1('HardSigmoid', [x], { alpha: float(1 / 6), beta: float(0.5) }, scope);
  }

  finish(outputs: readonly ValueInfo[]): Graph {
    return {
      name: this.name,
      inputs: this.inputs,
      outputs,
      initializers: new Map(),
      declared: this.declared,
      nodes: this.nodes,
      opset: this.opset,
    };
  }
}

/** A 1-D int64 constant (shapes, axes, indices; held in a Float64Array like every engine int64). */
export function int64s(values: readonly number[]): Tensor {
  return { dtype: 'int64', dims: [values.length], data: Float64Array.from(values) };
}

function scalar(v: number): Tensor {
  return { dtype: 'float32', dims: [], data: Float32Array.of(v) };
}
