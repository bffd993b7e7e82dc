/**
 * Image preprocessing as timm evaluates ImageNet models: resize so the shorter side is
 * R / crop_pct (crop_pct 0.875, so 256 for 224), centre-crop R × R, scale to [0, 1] and normalise
 * per channel with the ImageNet mean and std (timm `data/constants.py`). The geometry and the
 * normalisation are pure; the browser does the pixel resampling on a canvas.
 */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;
export const CROP_PCT = 0.875;

/** Largest upload accepted (pixels); anything larger is refused before decoding further. */
export const MAX_UPLOAD_PIXELS = 40e6;
/** Uploads are first drawn no larger than this on the longer side (keeps canvases small). */
export const MAX_WORKING_SIDE = 1024;

export interface PreprocessPlan {
  /** Size after the aspect-preserving resize. */
  readonly resized: { readonly w: number; readonly h: number };
  /** The crop inside the resized image. */
  readonly crop: { readonly x: number; readonly y: number; readonly size: number };
  /** The same crop in source pixels (for drawing straight from the source image). */
  readonly source: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export function preprocessPlan(srcW: number, srcH: number, resolution: number, cropPct = CROP_PCT): PreprocessPlan {
  if (!(srcW > 0 && srcH > 0)) throw new Error(`image has no pixels (${srcW}×${srcH})`);
  const short = Math.floor(resolution / cropPct);
  const scale = short / Math.min(srcW, srcH);
  const w = Math.max(short, Math.round(srcW * scale));
  const h = Math.max(short, Math.round(srcH * scale));
  const x = Math.round((w - resolution) / 2);
  const y = Math.round((h - resolution) / 2);
  return {
    resized: { w, h },
    crop: { x, y, size: resolution },
    source: { x: x / scale, y: y / scale, w: resolution / scale, h: resolution / scale },
  };
}

/** Whether an upload of w×h may be used, and at what working size (never upscaled). */
export function uploadSize(w: number, h: number): { ok: true; w: number; h: number } | { ok: false; message: string } {
  if (!(w > 0 && h > 0)) return { ok: false, message: 'That file has no readable image in it.' };
  if (w * h > MAX_UPLOAD_PIXELS) {
    return {
      ok: false,
      message: `That image is ${w}×${h} (${((w * h) / 1e6).toFixed(0)} megapixels); the limit is ${MAX_UPLOAD_PIXELS / 1e6} megapixels. Try a smaller one.`,
    };
  }
  const k = Math.min(1, MAX_WORKING_SIDE / Math.max(w, h));
  return { ok: true, w: Math.max(1, Math.round(w * k)), h: Math.max(1, Math.round(h * k)) };
}

/** RGBA bytes of a size×size crop → a [1, 3, size, size] float32 CHW tensor, normalised. */
export function normalise(
  rgba: ArrayLike<number>,
  size: number,
  mean: readonly number[] = IMAGENET_MEAN,
  std: readonly number[] = IMAGENET_STD,
): Float32Array {
  const n = size * size;
  if (rgba.length < n * 4) throw new Error(`expected ${n * 4} RGBA bytes for ${size}×${size}, got ${rgba.length}`);
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[c * n + i] = (rgba[i * 4 + c] / 255 - mean[c]) / std[c];
  }
  return out;
}
