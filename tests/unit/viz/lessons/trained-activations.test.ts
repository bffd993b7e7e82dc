/**
 * The activation figure of the new lessons: the layer choice on small graphs built by the zoo's
 * builder and on the zoo's ViT, the maps of conv and token outputs, the channel pick, the softmax,
 * the byte coding, and the scene and read-outs of a hand-made figure.
 */
import { describe, expect, it } from 'vitest';
import { f32 } from '~/lib/engine/index.ts';
import { buildTinyModel } from '~/lib/models/tiny.ts';
import type { RectMark } from '~/lib/viz/kit/marks.ts';
import {
  activationControls,
  activationReadouts,
  activationScene,
  decodeBytes,
  dequantize,
  encodeBytes,
  initialActivationState,
  quantize,
  type ActivationFigure,
} from '~/lib/viz/lessons/trained-activations.ts';
import {
  activationLayerNodes,
  channelMaps,
  gridSide,
  pickChannels,
  softmaxTop,
} from '~/lib/viz/lessons/trained-activations-pick.ts';

describe('gridSide', () => {
  it('reads feature maps and token grids, with or without a class token', () => {
    expect(gridSide([1, 16, 8, 8])).toBe(8);
    expect(gridSide([1, 16, 1, 1])).toBe(0);
    expect(gridSide([65, 24])).toBe(8);
    expect(gridSide([1, 64, 24])).toBe(8);
    expect(gridSide([1, 10])).toBe(0);
    expect(gridSide([2, 16, 8, 8])).toBe(0);
  });
});

describe('activationLayerNodes', () => {
  it("takes a CNN's stem activation, then the last layer at each smaller map size", () => {
    const g = buildTinyModel('tiny_mnasnet');
    const layers = activationLayerNodes(g);
    expect(layers[0].name).toBe('bn1.Relu');
    expect(layers.length).toBeGreaterThanOrEqual(3);
    expect(layers.length).toBeLessThanOrEqual(5);
    // Every chosen node exists and no two share an output.
    const names = new Set(g.nodes.map((n) => n.name));
    for (const l of layers) expect(names.has(l.name)).toBe(true);
    expect(new Set(layers.map((l) => l.output)).size).toBe(layers.length);
  });

  it("takes a ViT's patch embedding and each block, never a layout-only op", () => {
    const layers = activationLayerNodes(buildTinyModel('tiny_vit'));
    expect(layers[0].name).toBe('patch_embed.proj');
    expect(layers.some((l) => l.name.startsWith('blocks.0'))).toBe(true);
    expect(layers.every((l) => !['Transpose', 'Reshape', 'Concat'].includes(l.opType))).toBe(true);
  });
});

describe('channelMaps', () => {
  it('splits [1, C, H, W] into C planes', () => {
    const t = f32([1, 2, 2, 2], Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const m = channelMaps(t);
    expect(m.side).toBe(2);
    expect(m.channels).toBe(2);
    expect([...m.maps[1]]).toEqual([5, 6, 7, 8]);
  });

  it('lays tokens [T, D] on the patch grid, dropping the class token', () => {
    // 1 class token + 4 patch tokens, D = 2: value = 10 · token + feature.
    const data = Float32Array.from({ length: 10 }, (_, i) => 10 * Math.floor(i / 2) + (i % 2));
    const m = channelMaps(f32([5, 2], data));
    expect(m.side).toBe(2);
    expect([...m.maps[0]]).toEqual([10, 20, 30, 40]);
    expect([...m.maps[1]]).toEqual([11, 21, 31, 41]);
  });
});

describe('pickChannels', () => {
  it('keeps the channels whose maps vary most over space, with their range over all images', () => {
    const img = (a: number[][]) => a.map((x) => Float32Array.from(x));
    const perImage = [
      img([
        [0, 0],
        [0, 5],
        [1, 2],
      ]),
      img([
        [0, 0],
        [-1, 3],
        [1, 1],
      ]),
    ];
    // Mean spread: channel 0 → 0, channel 1 → (5 + 4) / 2, channel 2 → (1 + 0) / 2.
    expect(pickChannels(perImage, 2)).toEqual([
      { channel: 1, lo: -1, hi: 5 },
      { channel: 2, lo: 1, hi: 2 },
    ]);
  });
});

describe('softmaxTop', () => {
  it('gives the most probable classes with probabilities summing as softmax does', () => {
    const top = softmaxTop([0, Math.log(3), 0, Math.log(6)], 2);
    // exp: 1, 3, 1, 6 → sum 11.
    expect(top).toEqual([
      { cls: 3, p: Math.round((6 / 11) * 1e4) / 1e4 },
      { cls: 1, p: Math.round((3 / 11) * 1e4) / 1e4 },
    ]);
  });
});

describe('byte coding', () => {
  it('round-trips bytes through base64 and values through quantize within one step', () => {
    const b = Uint8Array.from([0, 1, 127, 128, 255]);
    expect([...decodeBytes(encodeBytes(b))]).toEqual([...b]);
    const ch = { channel: 0, lo: -2, hi: 6 };
    for (const v of [-2, -0.3, 0, 1.7, 6])
      expect(Math.abs(dequantize(quantize(v, ch.lo, ch.hi), ch) - v)).toBeLessThanOrEqual(8 / 255 / 2 + 1e-9);
    expect(quantize(3, 1, 1)).toBe(0);
  });
});

describe('the figure', () => {
  const map = (f: (p: number) => number) => encodeBytes(Uint8Array.from({ length: 4 }, (_, p) => f(p)));
  const fig: ActivationFigure = {
    model: 'tiny_test',
    seed: 1,
    accuracy: [
      { seed: 1, accuracy: 0.8703 },
      { seed: 2, accuracy: 0.865 },
    ],
    classes: ['Bag', 'Coat'],
    layers: [
      { node: 'conv', op: 'Conv', dims: [1, 3, 2, 2], side: 2, channels: 3, shown: [{ channel: 2, lo: 0, hi: 1 }] },
    ],
    images: [
      {
        sample: 0,
        testIndex: 7,
        label: 0,
        pixels: encodeBytes(new Uint8Array(784)),
        top: [
          { cls: 1, p: 0.6 },
          { cls: 0, p: 0.4 },
        ],
        maps: [[map(() => 0)]],
      },
      {
        sample: 1,
        testIndex: 9,
        label: 1,
        pixels: encodeBytes(new Uint8Array(784).fill(200)),
        top: [
          { cls: 1, p: 0.9 },
          { cls: 0, p: 0.1 },
        ],
        maps: [[map((p) => (p === 3 ? 255 : 0))]],
      },
    ],
  };

  it('starts on the first image the model gets right', () => {
    expect(initialActivationState(fig)).toEqual({ image: 1, layer: 0 });
  });

  it('draws the 28 × 28 input and one cell per map position, strongest where the value is largest', () => {
    const s = activationScene(fig, { image: 1, layer: 0 });
    const rects = s.marks.filter((m): m is RectMark => m.kind === 'rect');
    expect(rects.filter((r) => r.class === 'ta-px')).toHaveLength(784);
    expect(rects.find((r) => r.key === 'in-0')!.fill).toBe('rgb(200, 200, 200)');
    const cells = rects.filter((r) => r.class === 'ta-cell');
    expect(cells).toHaveLength(4);
    expect(cells[3].fill).toBe('rgba(230, 120, 20, 1)');
    expect(cells[0].fill).toBe('rgba(230, 120, 20, 0)');
  });

  it('reads out the truth, the prediction and both seeds’ accuracy', () => {
    const r = activationReadouts(fig, { image: 0, layer: 0 });
    expect(r.find((x) => x.key === 'truth')!.value).toBe('Bag');
    expect(r.find((x) => x.key === 'prediction')!.value).toBe('Coat 60.0 %');
    expect(r.find((x) => x.key === 'prediction')!.detail).toMatch(/^wrong; then Bag 40\.0 %/);
    expect(r.find((x) => x.key === 'accuracy')!.value).toBe('seed 1: 87.03 % · seed 2: 86.50 %');
    expect(activationControls(fig, { image: 0, layer: 0 })[0].options!.map((o) => o.label)).toEqual([
      'Bag (#7)',
      'Coat (#9)',
    ]);
  });
});
