import { describe, expect, it } from 'vitest';
import { patchReadouts, patchScene, patchTex, pickPatch } from '~/lib/viz/lessons/vit-patches.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';

describe('which patch and token a pixel lands in', () => {
  it('maps a pixel to its patch, output cell and token, row by row behind the class token', () => {
    const p = pickPatch(224, { patch: 16, x: 100, y: 60 });
    expect([p.row, p.col, p.side]).toEqual([3, 6, 14]);
    expect(p.token).toBe(1 + 3 * 14 + 6);
    expect(p.tokens).toBe(197);
    expect(p.rows).toEqual([48, 64]);
    expect(p.cols).toEqual([96, 112]);
  });

  it('gives the first and last patches tokens 1 and N − 1', () => {
    expect(pickPatch(224, { patch: 32, x: 0, y: 0 }).token).toBe(1);
    const last = pickPatch(224, { patch: 8, x: 223, y: 223 });
    expect(last.token).toBe(last.tokens - 1);
  });

  it('keeps pixels past the last whole patch in it (the conv drops them)', () => {
    const p = pickPatch(230, { patch: 16, x: 229, y: 0 });
    expect(p.col).toBe(13);
  });

  it('rejects pixels outside the image and impossible patches, saying what it got', () => {
    expect(() => pickPatch(224, { patch: 16, x: 224, y: 0 })).toThrow(/x must be a pixel from 0 to 223; received 224/);
    expect(() => pickPatch(224, { patch: 0, x: 1, y: 1 })).toThrow(/patch/);
  });
});

describe('the patch figure', () => {
  it('draws one grid line per inner patch boundary in the image and in the output map', () => {
    const s = checkScene(patchScene(224, 192, { patch: 32, x: 10, y: 10 }));
    expect(s.marks.filter((m) => m.key.startsWith('gv-'))).toHaveLength(6);
    expect(s.marks.filter((m) => m.key.startsWith('ov-'))).toHaveLength(6);
  });

  it('highlights the picked patch where its pixels are and the token at its index', () => {
    const s = patchScene(224, 192, { patch: 16, x: 100, y: 60 });
    const patch = s.marks.find((m) => m.key === 'patch') as { x: number; y: number; width: number };
    expect(patch.width).toBe(16);
    expect(patch.x).toBe(96);
    expect(patch.y).toBe(20 + 48);
    const token = s.marks.find((m) => m.key === 'token') as unknown as { data: { token: number } };
    expect(token.data.token).toBe(49);
    expect(s.label).toContain('token 49 of 197');
  });

  it('reads out the per-token MACs 3·P²·D and the engine total', () => {
    const out = Object.fromEntries(
      patchReadouts(224, 192, { patch: 16, x: 0, y: 0 }, 28_901_376).map((r) => [r.key, r.value]),
    );
    expect(out['per-token']).toBe('147,456');
    expect(out['conv-macs']).toBe('28,901,376');
    expect(out.token).toBe('1 of 197');
    expect([out.rows, out.cols]).toEqual(['0–15', '0–15']);
  });

  it('fills the TeX with the patch slice and the token index', () => {
    expect(patchTex(224, 192, { patch: 16, x: 100, y: 60 })).toContain('48:64');
    expect(patchTex(224, 192, { patch: 16, x: 100, y: 60 })).toContain('49 = 1 + 3 \\cdot 14 + 6');
  });
});
