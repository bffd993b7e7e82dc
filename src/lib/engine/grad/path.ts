/**
 * Which weights are trained, which values carry a gradient and which activations the tape keeps:
 * decided from the graph's structure and the registry's gradient rules alone, so the training
 * forward, backward and the up-front memory estimate all read the same answer.
 */
import type { Graph, Node } from '../graph.ts';
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { checkSupported, opOf } from '../plan-node.ts';

/** How an initializer takes part in training. */
export interface ParameterRole {
  readonly name: string;
  /**
   * 'trainable': a float weight read at a differentiable slot (gets a gradient);
   * 'buffer': state the forward updates but nothing differentiates (BatchNorm running mean/var);
   * 'constant': read only at non-differentiable slots (a shape, Clip bounds stored as initializers), or an integer tensor.
   */
  readonly role: 'trainable' | 'buffer' | 'constant';
  /**
   * Weight decay applies (timm/PyTorch practice: only Conv, Gemm and MatMul weights; never biases,
   * BatchNorm/LayerNorm scale and shift, class token or position embedding).
   */
  readonly decay: boolean;
  /** The first node reading it and the slot. */
  readonly consumer: string;
  readonly slot: number;
}

const DECAYED: Readonly<Record<string, readonly number[]>> = { Conv: [1], Gemm: [0, 1], MatMul: [0, 1] };

function gradientOf(node: Node): Gradient<unknown> | undefined {
  return opOf(node).backward;
}

function differentiableSlot(node: Node, slot: number): boolean {
  const g = gradientOf(node);
  if (!g || g.constant) return false;
  return g.inputs ? g.inputs.includes(slot) : true;
}

function weightDtype(graph: Graph, name: string): string | undefined {
  return graph.initializers.get(name)?.dtype ?? graph.declared?.get(name)?.dtype;
}

/**
 * Every initializer (materialised or declared) with its role. An op without a gradient rule makes
 * the weights it reads 'trainable' (they would need one), so `gradientPath` then refuses the graph.
 */
export function parameterRoles(graph: Graph): ParameterRole[] {
  checkSupported(graph);
  const names = [...graph.initializers.keys(), ...(graph.declared?.keys() ?? [])];
  const roles = new Map<string, { role: ParameterRole['role']; decay: boolean; consumer: string; slot: number }>();
  for (const node of graph.nodes) {
    const def = opOf(node);
    node.inputs.forEach((name, slot) => {
      if (name === '' || weightDtype(graph, name) === undefined) return;
      const isFloat = weightDtype(graph, name) === 'float32' || weightDtype(graph, name) === 'float64';
      const buffer = def.buffers?.includes(slot) === true;
      const g = def.backward;
      const diff = isFloat && !buffer && (g === undefined || differentiableSlot(node, slot));
      const role: ParameterRole['role'] = buffer ? 'buffer' : diff ? 'trainable' : 'constant';
      const decay = diff && (DECAYED[node.opType]?.includes(slot) ?? false);
      const prev = roles.get(name);
      if (!prev) roles.set(name, { role, decay, consumer: node.name, slot });
      else if (prev.role !== 'trainable' && role === 'trainable') roles.set(name, { ...prev, role, decay });
      else if (role === 'trainable' && decay) prev.decay = true;
    });
  }
  return names.map((name) => {
    const r = roles.get(name);
    return r ? { name, ...r } : { name, role: 'constant', decay: false, consumer: '', slot: -1 };
  });
}

/** The trainable parameter names, in initializer order. */
export function trainableNames(graph: Graph): string[] {
  return parameterRoles(graph)
    .filter((r) => r.role === 'trainable')
    .map((r) => r.name);
}

export interface GradientPath {
  /** Value names that depend on a trainable parameter or a differentiated graph input. */
  readonly requiresGrad: ReadonlySet<string>;
  /** Per node: its backward runs (a differentiable input requires a gradient). */
  readonly active: readonly boolean[];
  /** Per node and input slot: the slot needs a gradient. */
  readonly needs: readonly (readonly boolean[])[];
  /** Per node: input / output slots the tape keeps for backward. */
  readonly keepInputs: readonly (readonly boolean[])[];
  readonly keepOutputs: readonly (readonly boolean[])[];
  readonly trainable: readonly string[];
  readonly buffers: readonly string[];
  /** Float graph inputs that get a gradient. */
  readonly inputs: readonly string[];
}

/**
 * Walks the graph forward marking what needs a gradient; throws EngineError 'no-gradient' naming
 * every op (and node) on the path that has no backward rule, all at once.
 */
export function gradientPath(graph: Graph, opts: { inputGrads?: boolean } = {}): GradientPath {
  const roles = parameterRoles(graph);
  const trainable = roles.filter((r) => r.role === 'trainable').map((r) => r.name);
  const buffers = roles.filter((r) => r.role === 'buffer').map((r) => r.name);
  const weights = new Set(roles.map((r) => r.name));
  const inputs =
    opts.inputGrads === false
      ? []
      : graph.inputs
          .filter((i) => !weights.has(i.name) && (i.dtype === 'float32' || i.dtype === 'float64'))
          .map((i) => i.name);
  const requires = new Set<string>([...trainable, ...inputs]);
  const active: boolean[] = [];
  const needs: boolean[][] = [];
  const keepInputs: boolean[][] = [];
  const keepOutputs: boolean[][] = [];
  const missing: string[] = [];
  for (const node of graph.nodes) {
    const g = gradientOf(node);
    const reach = node.inputs.map((n) => n !== '' && requires.has(n));
    if (!reach.some(Boolean) || g?.constant) {
      active.push(false);
      needs.push(node.inputs.map(() => false));
      keepInputs.push(node.inputs.map(() => false));
      keepOutputs.push(node.outputs.map(() => false));
      continue;
    }
    const reason = g?.refuse?.(node);
    if (!g || !g.backward || reason) {
      missing.push(`${node.opType} (node '${node.name}'${reason ? `: ${reason}` : ''})`);
      active.push(false);
      needs.push(node.inputs.map(() => false));
      keepInputs.push(node.inputs.map(() => false));
      keepOutputs.push(node.outputs.map(() => false));
      continue;
    }
    const need = reach.map((r, slot) => r && (g.inputs ? g.inputs.includes(slot) : true));
    const on = need.some(Boolean);
    active.push(on);
    needs.push(need);
    keepInputs.push(
      node.inputs.map((n, slot) => on && n !== '' && (g.keeps?.inputs ? g.keeps.inputs.includes(slot) : true)),
    );
    keepOutputs.push(node.outputs.map((n, slot) => on && n !== '' && (g.keeps?.outputs?.includes(slot) ?? false)));
    if (on) for (const o of node.outputs) if (o !== '') requires.add(o);
  }
  if (missing.length > 0) {
    const ops = [...new Set(missing.map((m) => m.slice(0, m.indexOf(' '))))];
    throw new EngineError(
      'no-gradient',
      `cannot train graph '${graph.name}': no gradient for op${ops.length > 1 ? 's' : ''} ${ops.join(', ')} at ${missing.join(', ')}`,
    );
  }
  return { requiresGrad: requires, active, needs, keepInputs, keepOutputs, trainable, buffers, inputs };
}
