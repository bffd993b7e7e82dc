import { describe, expect, it } from 'vitest';
import { fashionPixels, fitSize, grayFromRgba, lightBackground } from '~/lib/viz/debugger/upload-gray.ts';

describe('an uploaded image in Fashion-MNIST’s format', () => {
  it('keeps the aspect ratio with the longest side 28', () => {
    expect(fitSize(4000, 3000)).toEqual({ w: 28, h: 21 });
    expect(fitSize(10, 500)).toEqual({ w: 1, h: 28 });
    expect(() => fitSize(0, 5)).toThrow(/no pixels/);
  });

  it('takes BT.601 luma and composites transparency over white', () => {
    const rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 0];
    expect([...grayFromRgba(rgba, 4, 1)]).toEqual([76, 150, 29, 255]);
  });

  it('tells a light background from a dark one by the border', () => {
    const light = new Uint8Array(9).fill(240);
    light[4] = 0;
    const dark = new Uint8Array(9);
    dark[4] = 255;
    expect(lightBackground(light, 3, 3)).toBe(true);
    expect(lightBackground(dark, 3, 3)).toBe(false);
  });

  it('inverts on request and centres the image on a black 28×28 square', () => {
    const gray = Uint8Array.from({ length: 28 * 20 }, (_, i) => i % 256);
    const out = fashionPixels(gray, 28, 20, true);
    expect(out.length).toBe(784);
    expect(out[0]).toBe(0); // padding row above (4 rows)
    expect(out[4 * 28]).toBe(255 - gray[0]);
    expect(out[23 * 28 + 27]).toBe(255 - gray[19 * 28 + 27]);
    expect(out[24 * 28]).toBe(0);
    expect(fashionPixels(gray, 28, 20, false)[4 * 28 + 5]).toBe(gray[5]);
    expect(() => fashionPixels(gray, 29, 20, false)).toThrow(/at most 28/);
  });
});
