/**
 * The heatmap palette from the site's theme: negative values in --viz-1, zero in --surface,
 * positive in --viz-2 (so both themes read). CSS colours of any syntax are resolved to RGB by
 * painting one pixel. Canvases keep the colours they were painted with, so whatever is drawn from
 * the palette repaints when the reader switches theme (`onThemeChange`, `paintThemed`): a heatmap
 * painted in the light theme would keep its white zero on the dark page.
 */
import type { Palette, Rgb } from '~/lib/viz/charts/heatmap.ts';

function resolve(colour: string, fallback: Rgb): Rgb {
  const c = document.createElement('canvas');
  c.width = c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx || !colour) return fallback;
  ctx.fillStyle = `rgb(${fallback.join(',')})`;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

export function themePalette(el: Element = document.documentElement): Palette {
  const s = getComputedStyle(el);
  const v = (name: string): string => s.getPropertyValue(name).trim();
  return {
    neg: resolve(v('--viz-1'), [49, 99, 206]),
    mid: resolve(v('--surface'), [255, 255, 255]),
    pos: resolve(v('--viz-2'), [214, 96, 36]),
  };
}

/** Calls `then` after every theme switch (the theme toggle's `depthwise:theme` event on the document). */
export function onThemeChange(then: () => void): void {
  document.addEventListener('depthwise:theme', then);
}

/** A view drawn from the palette that can repaint itself in another, keeping its own state. */
export interface Repaintable {
  readonly el: HTMLElement;
  readonly repaint: (palette: Palette) => void;
}

/** The painter of each box that shows a view drawn from the palette: the last one drawn there. */
const painters = new Map<Element, (palette: Palette) => void>();

/**
 * After every theme switch, calls `repaint` with the new palette for as long as `box` is on the page
 * and nothing else follows the theme there (a view that keeps its own state, such as a stepper's
 * position, repaints in place rather than being drawn anew).
 */
export function followTheme(box: Element, repaint: (palette: Palette) => void): void {
  if (painters.size === 0)
    onThemeChange(() => {
      for (const [b, p] of painters) {
        if (b.isConnected) p(themePalette(b));
        else painters.delete(b);
      }
    });
  painters.set(box, repaint);
}

/** Draws into `box` with the theme's palette now, and again with the new one after a theme switch. */
export function paintThemed(box: Element, paint: (palette: Palette) => void): void {
  paint(themePalette(box));
  followTheme(box, paint);
}
