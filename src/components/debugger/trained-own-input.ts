/**
 * The trained debugger's own inputs: the drawing pad (light strokes on black, like the data) and an
 * uploaded image file, each turned into a 28 × 28 gray byte image like Fashion-MNIST's
 * (upload-gray.ts says how), with the invert toggle for uploads. The files are checked by the
 * model debugger's uploadToCanvas (not an image, over the size or pixel limit: a clear message;
 * decoding is asynchronous, so nothing blocks the tab).
 */
import { fashionPixels, fitSize, grayFromRgba, lightBackground } from '~/lib/viz/debugger/upload-gray.ts';
import { wirePad } from './draw-pad.ts';
import { uploadToCanvas } from './image-input.ts';
import { padPixels } from './trained-samples.ts';
import type { Chosen } from './trained-views.ts';

export interface OwnInputHooks {
  readonly choose: (c: Chosen) => void;
  readonly error: (message: string) => void;
  readonly busy: () => boolean;
}

export function wireDrawPad(root: HTMLElement, hooks: OwnInputHooks): void {
  const pad = root.querySelector<HTMLCanvasElement>('[data-dbg="pad"]')!;
  const { clear } = wirePad(pad, { background: '#000000', ink: '#ffffff', lineWidth: 14 });
  root.querySelector('[data-act="clear-drawing"]')!.addEventListener('click', clear);
  root.querySelector('[data-act="use-drawing"]')!.addEventListener('click', () => {
    if (hooks.busy()) return;
    try {
      hooks.choose({ pixels: padPixels(pad), title: 'Your drawing' });
    } catch (e) {
      hooks.error(e instanceof Error ? e.message : String(e));
    }
  });
}

/** The upload at most 28 on its longest side, as gray bytes (the browser's high-quality downscale). */
async function grayOf(file: File): Promise<{ gray: Uint8Array; w: number; h: number }> {
  const src = await uploadToCanvas(file);
  const { w, h } = fitSize(src.width, src.height);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, 0, 0, w, h);
  return { gray: grayFromRgba(ctx.getImageData(0, 0, w, h).data, w, h), w, h };
}

export function wireUpload(root: HTMLElement, hooks: OwnInputHooks): void {
  const input = root.querySelector<HTMLInputElement>('[data-dbg="upload"]');
  const invert = root.querySelector<HTMLInputElement>('[data-dbg="invert"]');
  const note = root.querySelector<HTMLElement>('[data-dbg="upload-note"]');
  if (!input || !invert || !note) return;
  let last: { gray: Uint8Array; w: number; h: number; name: string } | null = null;
  const use = (): void => {
    if (!last) return;
    const inv = invert.checked;
    note.textContent = `${last.name}: ${last.w}×${last.h} after the resize, ${inv ? 'inverted (dark clothes on a light background become light on black)' : 'not inverted'}, centred on a black 28×28 square.`;
    hooks.choose({ pixels: fashionPixels(last.gray, last.w, last.h, inv), title: `Your image “${last.name}”` });
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file || hooks.busy()) return;
    note.textContent = `Reading ${file.name}…`;
    void grayOf(file).then(
      (g) => {
        last = { ...g, name: file.name };
        invert.checked = lightBackground(g.gray, g.w, g.h);
        invert.disabled = false;
        use();
      },
      (e: unknown) => {
        note.textContent = '';
        hooks.error(e instanceof Error ? e.message : String(e));
      },
    );
  });
  invert.addEventListener('change', () => !hooks.busy() && use());
}
