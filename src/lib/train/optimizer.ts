/**
 * Optimizers with PyTorch's update rules (torch/optim/sgd.py, adamw.py), over named float32
 * parameters updated in place.
 *
 * SGD (momentum μ, dampening 0, weight decay λ coupled as in PyTorch):
 *   g ← ∇ + λ·θ;  b ← μ·b + g (b = g on the first step);  d = g + μ·b (Nesterov) or b;  θ ← θ − η·d
 * AdamW (Loshchilov & Hutter 2019, arXiv 1711.05101 Alg. 2, decoupled decay):
 *   θ ← θ·(1 − η·λ);  m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;
 *   θ ← θ − η/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ) + ε)
 * Weight decay applies only to the names in `decay` (conv and linear weights; never BatchNorm
 * γ/β, LayerNorm, biases or embeddings: parameterRoles in src/lib/engine/grad/path.ts).
 */

export type OptimizerKind = 'sgd' | 'adamw';

export interface OptimizerConfig {
  readonly kind: OptimizerKind;
  /** SGD momentum μ (default 0.9). */
  readonly momentum?: number;
  readonly nesterov?: boolean;
  /** AdamW β1, β2, ε (defaults 0.9, 0.999, 1e-8, PyTorch's). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  /** λ (default 0). */
  readonly weightDecay?: number;
}

/** Everything an optimizer carries between steps (what a checkpoint stores). */
export interface OptimizerState {
  /** Updates taken so far (t of Adam's bias correction). */
  step: number;
  /** Per parameter: SGD [momentum buffer]; AdamW [m, v]. Absent before the parameter's first update. */
  readonly slots: Map<string, Float32Array[]>;
}

export const SLOT_NAMES: Readonly<Record<OptimizerKind, readonly string[]>> = { sgd: ['momentum'], adamw: ['m', 'v'] };

export function newOptimizerState(): OptimizerState {
  return { step: 0, slots: new Map() };
}

/**
 * One update of every parameter that has a gradient, at learning rate `lr`; `decay` names the
 * parameters weight decay applies to.
 */
export function optimizerStep(
  cfg: OptimizerConfig,
  state: OptimizerState,
  params: ReadonlyMap<string, Float32Array>,
  grads: ReadonlyMap<string, Float32Array>,
  lr: number,
  decay: ReadonlySet<string>,
): void {
  state.step++;
  const wd = cfg.weightDecay ?? 0;
  for (const [name, theta] of params) {
    const g = grads.get(name);
    if (!g) continue;
    if (g.length !== theta.length)
      throw new RangeError(`optimizer: gradient of '${name}' has ${g.length} elements, the parameter ${theta.length}`);
    const lambda = decay.has(name) ? wd : 0;
    let slots = state.slots.get(name);
    const first = !slots;
    if (!slots) {
      slots = SLOT_NAMES[cfg.kind].map(() => new Float32Array(theta.length));
      state.slots.set(name, slots);
    }
    if (cfg.kind === 'sgd') sgd(cfg, theta, g, slots[0], lr, lambda, first);
    else adamw(cfg, theta, g, slots[0], slots[1], lr, lambda, state.step);
  }
}

function sgd(
  cfg: OptimizerConfig,
  theta: Float32Array,
  grad: Float32Array,
  buf: Float32Array,
  lr: number,
  lambda: number,
  first: boolean,
): void {
  const mu = cfg.momentum ?? 0.9;
  const nesterov = cfg.nesterov ?? false;
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i] + lambda * theta[i];
    let d = g;
    if (mu !== 0) {
      const b = first ? g : mu * buf[i] + g;
      buf[i] = b;
      d = nesterov ? g + mu * b : b;
    }
    theta[i] -= lr * d;
  }
}

function adamw(
  cfg: OptimizerConfig,
  theta: Float32Array,
  grad: Float32Array,
  m: Float32Array,
  v: Float32Array,
  lr: number,
  lambda: number,
  t: number,
): void {
  const b1 = cfg.beta1 ?? 0.9;
  const b2 = cfg.beta2 ?? 0.999;
  const eps = cfg.eps ?? 1e-8;
  const bc1 = 1 - b1 ** t;
  const sqrtBc2 = Math.sqrt(1 - b2 ** t);
  const stepSize = lr / bc1;
  const shrink = 1 - lr * lambda;
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i];
    m[i] = b1 * m[i] + (1 - b1) * g;
    v[i] = b2 * v[i] + (1 - b2) * g * g;
    theta[i] = theta[i] * shrink - (stepSize * m[i]) / (Math.sqrt(v[i]) / sqrtBc2 + eps);
  }
}
