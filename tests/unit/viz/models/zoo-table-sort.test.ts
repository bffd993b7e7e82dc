import { describe, expect, it } from 'vitest';
import { sortZooTableRows, type ZooRowData } from '~/components/models/zoo-table-sort.ts';
import {
  sortValue,
  sortZooRows,
  zooRows,
  type SortDir,
  type ZooRow,
  type ZooSortKey,
} from '~/lib/viz/models/zoo-table.ts';

/** Row i of the zoo as the <zoo-table> element sees it: the data-* attributes ZooTable.astro writes. */
const rendered = (r: ZooRow, i: number): { dataset: ZooRowData } => ({
  dataset: {
    id: r.id,
    family: r.family,
    familyRank: String(sortValue(r, 'family')),
    order: String(i),
    resolution: String(r.resolution),
    params: String(r.params),
    macs: String(r.macs),
    top1: r.top1 === undefined ? '' : String(r.top1.value),
  },
});
const ids = (rows: readonly { dataset: ZooRowData }[]) => rows.map((r) => r.dataset.id);

describe('sortZooTableRows', () => {
  it('orders the rendered rows as sortZooRows orders the zoo, every column both ways, from any order', () => {
    const zoo = zooRows();
    // Reversed, as after a descending sort: equal values must still come back in the zoo order.
    const onPage = zoo.map(rendered).reverse();
    const keys: ZooSortKey[] = ['id', 'family', 'resolution', 'params', 'macs', 'top1'];
    for (const key of keys)
      for (const dir of ['ascending', 'descending'] as SortDir[]) {
        const expected = sortZooRows(zoo, key, dir).map((r) => r.id);
        expect(ids(sortZooTableRows(onPage, key, dir)), `${key} ${dir}`).toEqual(expected);
      }
  });

  it('reads numbers as numbers, an empty top-1 as missing (last both ways), and keeps the zoo order on ties', () => {
    const row = (id: string, order: number, params: string, top1: string) => ({
      dataset: { id, family: 'F', familyRank: '0', order: String(order), params, top1 },
    });
    const a = row('a', 0, '9', '');
    const b = row('b', 1, '10', '70.1');
    const c = row('c', 2, '10', '9.5');
    const onPage = [c, a, b];
    expect(ids(sortZooTableRows(onPage, 'params', 'ascending'))).toEqual(['a', 'b', 'c']);
    expect(ids(sortZooTableRows(onPage, 'params', 'descending'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortZooTableRows(onPage, 'top1', 'descending'))).toEqual(['b', 'c', 'a']);
    expect(ids(sortZooTableRows(onPage, 'top1', 'ascending'))).toEqual(['c', 'b', 'a']);
    // One family: descending keeps its models in the zoo order.
    expect(ids(sortZooTableRows(onPage, 'family', 'descending'))).toEqual(['a', 'b', 'c']);
  });
});
