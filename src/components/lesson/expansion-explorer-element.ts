/**
 * <expansion-explorer>: lesson 4's expansion-ratio slider in the browser. The build wrote the whole
 * series (one row per t) into data-state; a move of the slider redraws the row's view from
 * expansion-scene.ts, the function the build used, and swaps in that step's pre-rendered formula.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import type { BottleneckShape } from '~/lib/viz/lessons/expansion-cost.ts';
import { expansionView, type ExpansionRow } from '~/lib/viz/lessons/expansion-scene.ts';

interface ExplorerState {
  t: number;
  rows: ExpansionRow[];
  shape: BottleneckShape;
  maxChannels: number;
  hatch: string;
}

/** How long the slabs take to grow or shrink to the new width (ms). */
const MOVE_MS = 250;

class ExpansionExplorerElement extends WidgetElement<ExplorerState> {
  protected redraw(): void {
    const { t, rows, shape, maxChannels, hatch } = this.state;
    const row = rows.find((r) => r.t === t);
    if (!row) return;
    const view = expansionView(shape, row, maxChannels, hatch);
    this.drawScene('svg.diagram', view.scene, MOVE_MS);
    this.querySelector('[data-out="desc"]')!.textContent = view.desc;
    this.setReadouts(view.readouts);
    const tpl = this.querySelector<HTMLTemplateElement>(`template[data-tex="${t}"]`);
    const tex = this.querySelector('[data-out="tex"]');
    if (tpl && tex) tex.replaceChildren(tpl.content.cloneNode(true));
  }
}

customElements.define('expansion-explorer', ExpansionExplorerElement);
