/**
 * <conv-window>: lesson 2's sliding window in the browser. Every change re-runs windowView (the
 * same function the build rendered with) and draws its scenes, pixels and read-outs; the output
 * pixels are buttons (click, or arrow keys once one has focus).
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { ControlValues } from '~/lib/viz/kit/controls.ts';
import { outputSizeTex, pixelSumTex, windowProblem, type WindowGeometry } from '~/lib/viz/lessons/lesson-window.ts';
import { WINDOW_CONTROLS, windowView, type OutputPixel } from '~/lib/viz/lessons/lesson-window-scene.ts';
import { renderMath } from './render-math.ts';

interface WindowState {
  g: WindowGeometry;
  oy: number;
  ox: number;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

class ConvWindowElement extends WidgetElement<WindowState> {
  private grid!: HTMLElement;

  protected override setup(): void {
    this.grid = this.querySelector<HTMLElement>('.out-grid')!;
    this.grid.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('button[data-oy]');
      if (b) this.select(Number(b.dataset.oy), Number(b.dataset.ox));
    });
    this.grid.addEventListener('keydown', (e) => {
      const m = MOVES[e.key];
      if (!m) return;
      e.preventDefault();
      const n = windowView(this.state.g, 0, 0).layout.outSize;
      this.select(
        Math.min(n - 1, Math.max(0, this.state.oy + m[0])),
        Math.min(n - 1, Math.max(0, this.state.ox + m[1])),
      );
    });
  }

  protected override controlsChanged(values: ControlValues): void {
    const g = { ...this.state.g };
    for (const { name } of WINDOW_CONTROLS) g[name] = Number(values[name]);
    const problem = windowProblem(g);
    if (this.showProblem(problem && `No output: ${problem}.`)) return;
    this.state = { g, oy: 0, ox: 0 };
    this.redraw();
  }

  private select(oy: number, ox: number): void {
    this.state = { ...this.state, oy, ox };
    this.redraw();
    this.grid.querySelector<HTMLButtonElement>('button[aria-pressed="true"]')?.focus();
  }

  protected redraw(): void {
    const { g, oy, ox } = this.state;
    const view = windowView(g, oy, ox);
    this.querySelectorAll<SVGSVGElement>('svg.in-grid').forEach((svg, c) => this.drawScene(svg, view.scenes[c]!));
    this.drawPixels(view.pixels, view.layout.outSize);
    this.setReadouts([
      ...view.readouts,
      { key: 'out-shape', label: 'Output', value: `${view.layout.outSize}×${view.layout.outSize}` },
    ]);
    void renderMath(this.querySelector<HTMLElement>('.size-tex')!, outputSizeTex(g));
    void renderMath(this.querySelector<HTMLElement>('.sum-tex')!, pixelSumTex(g, oy, ox));
  }

  /** The output pixels as buttons, kept in step with the list (buttons reused, extra ones removed). */
  private drawPixels(pixels: readonly OutputPixel[], n: number): void {
    this.grid.style.setProperty('--n', String(n));
    const buttons = Array.from(this.grid.querySelectorAll('button'));
    pixels.forEach((p, i) => {
      let b = buttons[i];
      if (!b) {
        b = document.createElement('button');
        b.type = 'button';
        this.grid.append(b);
      }
      b.dataset.oy = String(p.oy);
      b.dataset.ox = String(p.ox);
      b.setAttribute('aria-label', p.label);
      b.setAttribute('aria-pressed', String(p.selected));
      b.tabIndex = p.selected ? 0 : -1;
    });
    for (const b of buttons.slice(pixels.length)) b.remove();
  }
}

customElements.define('conv-window', ConvWindowElement);
