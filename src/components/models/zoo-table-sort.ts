/**
 * The zoo table's sort as the browser does it, over the rows ZooTable.astro rendered: each row's
 * figures come from its data-* attributes (the element never loads the zoo itself, which would put
 * every model spec in the page's JavaScript). Pure, so the order is unit-tested against sortZooRows
 * (src/lib/viz/models/zoo-table.ts) without a browser.
 */
import { compareValues, type SortDir } from '~/lib/viz/models/zoo-table.ts';

/**
 * A row's data-* attributes, as its dataset: id, family, familyRank (sortValue's: the family's place
 * in the course), order (the zoo's), resolution, params, macs, top1.
 */
export type ZooRowData = Readonly<Record<string, string | undefined>>;

/**
 * The value a column sorts a rendered row by, as sortValue gives it for the zoo row; a missing
 * top-1 is undefined. Family sorts by the family's place in the course, so a family's models keep
 * the zoo order inside it either way.
 */
function zooRowSortValue(d: ZooRowData, key: string): number | string | undefined {
  if (key === 'id') return d.id;
  if (key === 'family') return Number(d.familyRank);
  const v = d[key];
  return v === undefined || v === '' ? undefined : Number(v);
}

/**
 * The rows in the order a column sorts them, whatever order they are in now: back in the zoo order
 * first, so equal values keep it (the sort is stable).
 */
export function sortZooTableRows<R extends { readonly dataset: ZooRowData }>(
  rows: readonly R[],
  key: string,
  dir: SortDir,
): R[] {
  const out = [...rows].sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
  return out.sort((a, b) => compareValues(zooRowSortValue(a.dataset, key), zooRowSortValue(b.dataset, key), dir));
}
