/**
 * <zoo-table>: sorts the zoo table by the column header clicked (again: the other way; aria-sort
 * says which) and filters it by family, moving and hiding the rows the build rendered, so the table
 * reads in full without JavaScript. A filter is announced as a `zoo-filter` event, for the scatter
 * beside it to dim the other families.
 */
import type { SortDir } from '~/lib/viz/models/zoo-table.ts';
import { sortZooTableRows } from './zoo-table-sort.ts';

class ZooTable extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector<HTMLSelectElement>('select[name="family"]')!;
    select.addEventListener('change', () => this.filter(select.value));
    for (const th of this.querySelectorAll<HTMLElement>('th[data-key]')) {
      th.querySelector('button')!.addEventListener('click', () => {
        const dir: SortDir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        this.sort(th.dataset.key!, dir);
      });
    }
  }

  sort(key: string, dir: SortDir) {
    for (const th of this.querySelectorAll('th[data-key]'))
      th.setAttribute('aria-sort', th.getAttribute('data-key') === key ? dir : 'none');
    const body = this.querySelector('tbody')!;
    body.append(...sortZooTableRows([...body.querySelectorAll<HTMLElement>('tr')], key, dir));
  }

  filter(family: string) {
    let shown = 0;
    const rows = this.querySelectorAll<HTMLElement>('tbody tr');
    for (const tr of rows) {
      const on = family === 'all' || tr.dataset.family === family;
      tr.hidden = !on;
      if (on) shown++;
    }
    this.querySelector('.count')!.textContent =
      family === 'all'
        ? `Showing all ${rows.length} models.`
        : `Showing ${shown} of ${rows.length} models (${family}).`;
    this.dispatchEvent(new CustomEvent('zoo-filter', { bubbles: true, detail: { family } }));
  }
}
customElements.define('zoo-table', ZooTable);
