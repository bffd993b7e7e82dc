/**
 * MobileNetV1 (arXiv 1704.04861, Table 1): a 3×3 stem and 13 depthwise separable layers
 * (dw 3×3 + BN + act, pw 1×1 + BN + act), pooled into one Linear. timm `_gen_mobilenet_v1`
 * (`efficientnet.py`): `dsa` blocks, stem 32, ReLU6 (the paper uses ReLU), no head conv.
 * The width multiplier α scales every layer (§4.2); the resolution multiplier ρ only the input (§4.3).
 */
import { cnnSpec } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';
import { M, timmBench, TIMM_TOP1, type Citation, type ZooEntry } from './zoo-entry.ts';

export const MOBILENETV1_ARCH = [
  ['dsa_r1_k3_s1_c64'],
  ['dsa_r2_k3_s2_c128'],
  ['dsa_r2_k3_s2_c256'],
  ['dsa_r6_k3_s2_c512'],
  ['dsa_r2_k3_s2_c1024'],
] as const;

export function mobilenetV1Spec(width: number, resolution = 224): CnnSpec {
  return cnnSpec('MobileNetV1', MOBILENETV1_ARCH, {
    stem: { channels: 32 },
    head: { kind: 'none' },
    act: 'relu6',
    width,
    resolution,
  });
}

const PAPER = 'MobileNetV1 paper (arXiv 1704.04861)';
/** Table 6 (width multiplier at 224): top-1, MMACs, M params. */
const TABLE6: Record<number, [number, number, number]> = {
  1: [70.6, 569, 4.2],
  0.75: [68.4, 325, 2.6],
  0.5: [63.7, 149, 1.3],
  0.25: [50.6, 41, 0.5],
};
/** Table 7 (resolution at width 1.0): top-1, MMACs. */
const TABLE7: Record<number, [number, number]> = {
  224: [70.6, 569],
  192: [69.1, 418],
  160: [67.2, 290],
  128: [64.4, 186],
};

function entry(width: number, res: number): ZooEntry {
  const id = `mobilenetv1_${String(Math.round(width * 100)).padStart(3, '0')}${res === 224 ? '' : `_${res}`}`;
  const published: Citation[] = [];
  let macsReference: ZooEntry['macsReference'];
  if (res === 224) {
    const [top1, mmacs, mparams] = TABLE6[width];
    published.push({ source: `${PAPER} Table 6`, top1, macs: mmacs * M, params: mparams * M, resolution: 224 });
    macsReference = {
      value: mmacs * M,
      source: `${PAPER} Table 6`,
      tolerance: 0.03,
      reason: 'the paper rounds to whole millions',
    };
  } else if (width !== 1) {
    published.push({
      source: `${PAPER} Table 6`,
      params: TABLE6[width][2] * M,
      note: 'at 224; parameters do not depend on the resolution',
    });
  } else if (width === 1) {
    const [top1, mmacs] = TABLE7[res];
    published.push({ source: `${PAPER} Table 7`, top1, macs: mmacs * M, params: 4.2 * M, resolution: res });
    macsReference = {
      value: mmacs * M,
      source: `${PAPER} Table 7`,
      tolerance: 0.01,
      reason: 'the paper rounds to whole millions',
    };
  }
  if (width === 1 && res === 224) {
    published.push(timmBench(4.23, 0.58, 224));
    published.push({
      source: TIMM_TOP1,
      top1: 75.388,
      resolution: 224,
      note: "timm ra4 recipe (2024), not the paper's training",
    });
  }
  return {
    id,
    family: 'MobileNetV1',
    spec: mobilenetV1Spec(width, res),
    timmParamsM: width === 1 ? 4.23 : undefined,
    exactParams:
      width === 1 ? { value: 4_231_976, source: 'timm mobilenetv1_100, sum of parameter numel (PyTorch)' } : undefined,
    macsReference,
    published,
  };
}

/** The paper's α × ρ grid (§4.2–4.3): α ∈ {1, 0.75, 0.5, 0.25} × ρ·224 ∈ {224, 192, 160, 128}. */
export const MOBILENETV1_MODELS: readonly ZooEntry[] = [1, 0.75, 0.5, 0.25].flatMap((w) =>
  [224, 192, 160, 128].map((r) => entry(w, r)),
);
