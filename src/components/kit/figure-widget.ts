/**
 * A widget whose whole figure the build embedded (data-figure, JSON) and whose state is a choice
 * among what that figure holds (an image, a layer, a pair of models): each change of the controls
 * picks a new state, or none for a value the figure does not have, and the widget redraws one
 * scene and its read-outs through the same layout functions the build rendered with. Three lesson
 * figures had written this element out by hand, alike but for names.
 *
 * @example
 * // class-gates-element.ts
 * defineFigureWidget<ClassGatesFigure, ClassGatesState>('class-gates', {
 *   svg: 'svg.gate-heat',
 *   state: (v, fig) => indexState(v, { block: fig.blocks, run: fig.runs }),
 *   scene: (fig, s) => heatmapScene(fig, s.block, s.run),
 *   readouts: classGatesReadouts,
 * });
 */
import type { ControlValues, Readout } from '~/lib/viz/kit/controls.ts';
import type { Scene } from '~/lib/viz/kit/marks.ts';
import { WidgetElement } from './widget-element.ts';

export interface FigureWidget<Fig, State extends object> {
  /** The selector of the <svg> the scene is drawn into. */
  readonly svg: string;
  /** The state the control values pick, or null when the figure has no such choice (nothing redraws). */
  state(values: ControlValues, fig: Fig): State | null;
  /** The scene for a state; `host` is the element, for options the build wrote as data-* attributes. */
  scene(fig: Fig, state: State, host: HTMLElement): Scene;
  readouts(fig: Fig, state: State): readonly Readout[];
}

/**
 * A state of list positions, each read from the control of the same name; null when one of them is
 * not a position in its list (a value the figure has no data for).
 */
export function indexState<K extends string>(
  values: ControlValues,
  lists: Readonly<Record<K, readonly unknown[]>>,
): Record<K, number> | null {
  const state = {} as Record<K, number>;
  for (const key of Object.keys(lists) as K[]) {
    const i = Number(values[key]);
    if (!Number.isInteger(i) || i < 0 || i >= lists[key].length) return null;
    state[key] = i;
  }
  return state;
}

/** Defines the custom element `tag` (once: a page may carry several copies of the figure's script). */
export function defineFigureWidget<Fig, State extends object>(tag: string, widget: FigureWidget<Fig, State>): void {
  class FigureWidgetElement extends WidgetElement<State> {
    private fig!: Fig;

    protected override setup(): void {
      this.fig = JSON.parse(this.dataset.figure ?? 'null') as Fig;
    }

    protected override controlsChanged(values: ControlValues): void {
      const next = widget.state(values, this.fig);
      if (!next) return;
      this.state = next;
      this.redraw();
    }

    protected redraw(): void {
      this.drawScene(widget.svg, widget.scene(this.fig, this.state, this));
      this.setReadouts(widget.readouts(this.fig, this.state));
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, FigureWidgetElement);
}
