/**
 * A tiny MBConv+SE network for tests and `npm run bench:train`: EfficientNet's block recipe (SiLU,
 * squeeze-excitation on the block input × 0.25, BatchNorm) at a size that trains in seconds.
 * Stem 3×3/2 → 8, one depthwise-separable block with SE, two MBConv blocks (expansion 4, SE), a
 * 1×1 head to 64 features, pool, 10-way classifier. As a spec file it is this JSON.
 */
import type { CnnSpec } from '../models/index.ts';

export const TINY_MBCONV_SPEC: CnnSpec = {
  kind: 'cnn',
  family: 'EfficientNet',
  arch: [['ds_r1_k3_s1_e1_c8_se0.25'], ['ir_r1_k3_s2_e4_c16_se0.25'], ['ir_r1_k3_s2_e4_c24_se0.25']],
  stem: { channels: 8 },
  head: { kind: 'conv', features: 64, scaling: 'fixed' },
  act: 'swish',
  attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
  width: 1,
  depth: 1,
  roundLimit: 0.9,
  padding: 'symmetric',
  bnEps: 1e-5,
  resolution: 32,
  numClasses: 10,
};
