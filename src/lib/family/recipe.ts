/**
 * The one recipe every tiny-family model trains with (issue "Trained tiny models": one documented
 * recipe for all, the whole family in about 6 hours of the 2-core machine, two runs side by side).
 *
 * - Optimizer AdamW (Loshchilov & Hutter, arXiv 1711.05101), lr 2e-3, β = (0.9, 0.999), weight
 *   decay 0.05 on conv and linear weights only (never BN, LayerNorm, biases, embeddings: the
 *   trainer's decay mask). One optimizer must serve the CNNs and the ViT; SGD is the CNN papers'
 *   choice at 350 epochs, but at a few epochs and with a ViT in the family AdamW converges faster
 *   and needs no per-architecture lr (DeiT trains ViTs with AdamW, arXiv 2012.12877 Table 9).
 * - Schedule: linear warmup for the first tenth of the run (0.1 epoch, ≈ 94 steps), then cosine to
 *   zero (src/lib/train/schedule.ts).
 * - Batch 64: at this size every step's batch statistics are stable for BatchNorm, and the
 *   throughput per image measured by scripts/bench-family.ts is the same as at larger batches
 *   (the cost is per activation element, not per step).
 * - Augmentation: random crop with 2 px zero padding at the native 28×28, horizontal flip (the
 *   standard Fashion-MNIST augmentation; flips keep every class's identity: shoes, bags and
 *   garments are left–right symmetric classes). No mixup/cutmix: at a few epochs they slow
 *   convergence more than they regularise.
 * - Label smoothing 0.1 (Szegedy et al., arXiv 1512.00567 §7; the EfficientNet and MobileNetV3
 *   recipes use it).
 * - Epochs: 1 (every one of the 60 000 training images once, 937 steps), sized to the budget, not
 *   to accuracy: small CNNs on Fashion-MNIST need about 10 epochs of AdamW + cosine to pass 0.92,
 *   so expect the family to land below the issue's 0.93 and report it as measured. One pass over
 *   all the data beats several over a subset at the same cost (more distinct images per step).
 *
 * Time budget (`npm run bench:family -- --json b.json`, then `npm run train:family -- --plan
 * b.json`). Before the training speed-ups of 6 December 2026 the 22 models cost 10.7 CPU-hours
 * per epoch for one seed (load average 9–25 on the 2 shared cores), 10 epochs × 2 seeds ≈ 107 h
 * with two jobs: 18× over. The SIMD depthwise weight gradient, the SIMD depthwise kernels on maps
 * under 16 pixels and the malloc settings of the training processes made the EfficientNet scaling
 * models (82 % of the cost) 1.05–2.4× faster per CPU-second: this recipe, 1 epoch × 2 seeds, is
 * 9.0 CPU-hours ≈ 4.5 h with two jobs (measured at load average 22–35; README "Trained tiny
 * models" has the figures per model). That still leaves one epoch: more needs a faster engine or
 * smaller scaling models (a narrower tiny B0, and its width-, depth- and resolution-only partners
 * re-matched).
 */
import type { Recipe } from '../train/trainer.ts';

export const FAMILY_EPOCHS = 1;

export const FAMILY_RECIPE: Omit<Recipe, 'seed'> = {
  epochs: FAMILY_EPOCHS,
  batch: 64,
  lr: 2e-3,
  optimizer: { kind: 'adamw', beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.05 },
  warmupEpochs: 0.1,
  labelSmoothing: 0.1,
  augment: { pad: 2, flip: true },
};

/** Two seeds for every model: a difference is called one only when larger than the spread between seeds. */
export const FAMILY_SEEDS: readonly number[] = [1, 2];

export const FAMILY_DATASET = {
  name: 'Fashion-MNIST',
  licence: 'MIT (Zalando Research; Xiao, Rasul & Vollgraf 2017, arXiv 1708.07747)',
  source: 'Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)',
} as const;

/** The resize every model's input goes through (src/lib/data/resize.ts), for another runtime to repeat. */
export const RESIZE_DESCRIPTION =
  'bilinear from 28×28, half-pixel centres (PyTorch F.interpolate align_corners=False, antialias=False)';
