import { describe, expect, it } from 'vitest';
import {
  EXPORT_COLUMNS,
  exportRow,
  layersCsv,
  layersJson,
  parseCsv,
  type ExportRow,
} from '~/lib/viz/models/layer-export.ts';
import { modelLayerTable } from '~/lib/viz/models/layer-table.ts';

describe('layer table export', () => {
  const t = modelLayerTable('mobilenetv3_large_100');
  const rows = t.rows.map((r) => exportRow(r, t.sections[r.section].label));

  it('writes a header and one CSV line per row whose params and MACs columns sum to the totals', () => {
    const csv = parseCsv(layersCsv(rows));
    expect(csv[0]).toEqual([...EXPORT_COLUMNS]);
    expect(csv).toHaveLength(rows.length + 1);
    const col = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    const total = (name: string) => csv.slice(1).reduce((s, r) => s + Number(r[col(name)]), 0);
    expect(total('params')).toBe(5_483_032);
    expect(total('macs')).toBe(t.totals.macs);
    expect(total('activation_bytes')).toBe(t.totals.activationBytes);
  });

  it('quotes cells with commas, quotes or line breaks and reads them back unchanged', () => {
    const odd: ExportRow = ['a,"b"', 'Conv2d\nx', '3×3', 1, 1, '1x3x8x8', '1x4x8x8', 10, 20, 30, 'global', 'stem'];
    const text = layersCsv([odd]);
    expect(text.split('\r\n')[1]).toBe('"a,""b""","Conv2d\nx",3×3,1,1,1x3x8x8,1x4x8x8,10,20,30,global,stem');
    expect(parseCsv(text)[1]).toEqual(odd.map(String));
  });

  it('writes JSON with the model, the totals and one object per row', () => {
    const json = JSON.parse(layersJson('mobilenetv3_large_100', rows, t.totals));
    expect(json.model).toBe('mobilenetv3_large_100');
    expect(json.totals.params).toBe(5_483_032);
    expect(json.layers).toHaveLength(rows.length);
    expect(json.layers[0]).toMatchObject({
      name: 'conv_stem',
      op: 'Conv2d',
      kernel: '3×3',
      stride: 2,
      input: '1x3x224x224',
      output: '1x16x112x112',
      receptive_field: 3,
      section: 'stem',
    });
    expect(json.note).toMatch(/no trained weights/);
  });
});
