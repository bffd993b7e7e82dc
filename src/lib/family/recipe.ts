/**
 * The one recipe every tiny-family model trains with (issue "Trained tiny models": one documented
 * recipe for all, the whole family in about 6 hours of the 2-core machine, two runs side by side).
 *
 * - Optimizer AdamW (Loshchilov & Hutter, arXiv 1711.05101), lr 2e-3, β = (0.9, 0.999), weight
 *   decay 0.05 on conv and linear weights only (never BN, LayerNorm, biases, embeddings: the
 *   trainer's decay mask). One optimizer must serve the CNNs and the ViT; SGD is the CNN papers'
 *   choice at 350 epochs, but at a few epochs and with a ViT in the family AdamW converges faster
 *   and needs no per-architecture lr (DeiT trains ViTs with AdamW, arXiv 2012.12877 Table 9).
 * - Schedule: linear warmup for half an epoch, then cosine to zero (src/lib/train/schedule.ts).
 * - Batch 64: at this size every step's batch statistics are stable for BatchNorm, and the
 *   throughput per image measured by scripts/bench-family.ts is the same as at larger batches
 *   (the cost is per activation element, not per step).
 * - Augmentation: random crop with 2 px zero padding at the native 28×28, horizontal flip (the
 *   standard Fashion-MNIST augmentation; flips keep every class's identity: shoes, bags and
 *   garments are left–right symmetric classes). No mixup/cutmix: at a few epochs they slow
 *   convergence more than they regularise.
 * - Label smoothing 0.1 (Szegedy et al., arXiv 1512.00567 §7; the EfficientNet and MobileNetV3
 *   recipes use it).
 * - Epochs: 10. Small CNNs on Fashion-MNIST need about 10 epochs of AdamW + cosine to pass 0.92
 *   (the bar: the best ≥ 0.93, all well above the 2-conv baselines' 0.88–0.92); at 1–3
 *   epochs they sit near 0.85–0.90 and the seed spread would swamp every comparison.
 *
 * Time budget (scripts/bench-family.ts, 6 December 2026, load average 9–25 on the 2 shared
 * cores, images per CPU-second of the training process): the 22 models cost 10.7 CPU-hours per
 * epoch for one seed — 82 % of it the nine EfficientNet scaling models at 5–17 MMACs (10–32
 * images/CPU-s), against 75–407 images/CPU-s for the 0.2–2.4 MMAC ones. Two seeds × 10 epochs is
 * ≈ 214 CPU-hours ≈ 107 h with two jobs side by side: 18× the 6-hour budget. No resizing closes
 * that gap (even the smallest model, 0.17 MMAC at 407 images/CPU-s, would need 0.41 CPU-h for 10
 * epochs, and 44 runs share 12 CPU-h), so the budget needs engine training speed or fewer
 * epochs: `npm run bench:family -- --json b.json` then `npm run train:family -- --plan b.json`
 * recomputes it on the day.
 */
import type { Recipe } from '../train/trainer.ts';

export const FAMILY_EPOCHS = 10;

export const FAMILY_RECIPE: Omit<Recipe, 'seed'> = {
  epochs: FAMILY_EPOCHS,
  batch: 64,
  lr: 2e-3,
  optimizer: { kind: 'adamw', beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.05 },
  warmupEpochs: 0.5,
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
export const RESIZE_DESCRIPTION = 'bilinear from 28×28, half-pixel centres (PyTorch F.interpolate align_corners=False, antialias=False)';
