/**
 * A canvas the reader draws on with the pointer (mouse, pen or touch, captured so a stroke that
 * leaves the canvas still ends): the zoo debugger's pad (dark ink on white, like a photo's
 * subject) and the trained debugger's (light ink on black, like Fashion-MNIST). Returns `clear`,
 * which repaints the background.
 */
export interface DrawPadStyle {
  readonly background: string;
  readonly ink: string;
  /** Stroke width in canvas pixels. */
  readonly lineWidth: number;
}

export function wirePad(pad: HTMLCanvasElement, style: DrawPadStyle): { clear: () => void } {
  const ctx = pad.getContext('2d')!;
  const clear = (): void => {
    ctx.fillStyle = style.background;
    ctx.fillRect(0, 0, pad.width, pad.height);
  };
  clear();
  let drawing = false;
  const at = (e: PointerEvent): [number, number] => {
    const r = pad.getBoundingClientRect();
    return [((e.clientX - r.left) * pad.width) / r.width, ((e.clientY - r.top) * pad.height) / r.height];
  };
  pad.addEventListener('pointerdown', (e) => {
    drawing = true;
    pad.setPointerCapture(e.pointerId);
    ctx.beginPath();
    ctx.moveTo(...at(e));
  });
  pad.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    ctx.lineTo(...at(e));
    ctx.strokeStyle = style.ink;
    ctx.lineWidth = style.lineWidth;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.stroke();
  });
  pad.addEventListener('pointerup', () => (drawing = false));
  return { clear };
}
