/**
 * <fc-size-table>: redraws the size table's dot plot and read-outs from the control values, and
 * sets data-view / data-highlight on itself and hides the rows the verdict filter drops, so the
 * table's CSS shows the chosen columns and marks. The rows come built in data-state.
 */
import { WidgetElement } from '~/components/kit/widget-element.ts';
import {
  sizeReadouts,
  sizeScene,
  sizeTex,
  visibleRows,
  type SizeRowView,
  type SizeState,
} from '~/lib/viz/lessons/factcheck-size-layout.ts';
import { renderMath } from '../render-math.ts';

type State = SizeState & { rows: SizeRowView[] };

class SizeTableElement extends WidgetElement<State> {
  /** Redraw at the element's own width, so labels keep their size on a phone instead of shrinking with the SVG. */
  protected setup(): void {
    this.redraw();
  }

  protected redraw(): void {
    const { rows } = this.state;
    const width = Math.round(Math.min(560, Math.max(300, this.clientWidth)));
    this.drawScene('svg.fc-size-plot', sizeScene(rows, this.state, width));
    this.setReadouts(sizeReadouts(rows, this.state));
    const row = rows.find((r) => r.key === this.state.row);
    if (row) void renderMath(this.querySelector<HTMLElement>('.fc-tex')!, sizeTex(row));
    this.dataset.view = this.state.view;
    this.dataset.highlight = String(this.state.highlight);
    const keep = new Set(visibleRows(rows, this.state.verdict).map((r) => r.key));
    for (const tr of this.querySelectorAll<HTMLTableRowElement>('tr[data-row]'))
      tr.hidden = !keep.has(tr.dataset.row ?? '');
  }
}

customElements.define('fc-size-table', SizeTableElement);
