/**
 * The scaling playground's drawing in the browser: the diagram, the MACs curve and the params–MACs
 * scatter follow a new PlaygroundView with D3 transitions, and the single-dimension table gets its cells.
 * The same layouts render to static SVG at build time (ScalingDiagram/Curve/Released.astro).
 */
import * as d3 from '~/components/viz/d3.ts';
import { seriesClass } from '~/lib/viz/kit/series-class.ts';
import { AXIS } from '~/lib/viz/scaling/scaling-charts.ts';
import { SINGLE_ROWS, type SingleColumn } from '~/lib/viz/scaling/scaling-single-table.ts';
import type { PlaygroundView } from '~/lib/viz/scaling/scaling-view.ts';

const DURATION = 280;

/**
 * A keyed join's key: the datum's id, or, for an element that is in the SVG before any datum is
 * bound to it (drawn at build time), its data-id.
 */
function keyById(this: SVGElement | undefined, d?: { id: string }): string {
  return d ? d.id : (this as SVGElement).dataset.id!;
}

/** The bars and stage labels of svg.diagram move to the view's layout (bars grow from their centre line). */
export function drawDiagram(host: HTMLElement, v: PlaygroundView, animate: boolean): void {
  const svg = d3.select(host).select<SVGSVGElement>('svg.diagram');
  svg.attr('aria-label', `The network at φ = ${v.text.phi}: ${v.text.blocks} blocks, input ${v.text.resolution} px`);
  const t = d3.transition().duration(animate ? DURATION : 0);
  const bars = svg
    .select('g.bars')
    .selectAll<SVGRectElement, (typeof v.diagram.bars)[number]>('rect.bar')
    .data(v.diagram.bars, keyById as never);
  bars
    .exit()
    .transition(t as never)
    .attr('height', 0)
    .attr(
      'y',
      (_d, i, nodes) =>
        Number((nodes[i] as SVGRectElement).getAttribute('y')) +
        Number((nodes[i] as SVGRectElement).getAttribute('height')) / 2,
    )
    .remove();
  const entered = bars
    .enter()
    .append('rect')
    .attr('data-id', (d) => d.id)
    .attr('class', (d) => `bar ${seriesClass(d.group + 1)}`)
    .attr('x', (d) => d.x)
    .attr('width', (d) => d.w)
    .attr('y', (d) => d.y + d.h / 2)
    .attr('height', 0);
  entered.append('title');
  entered
    .merge(bars)
    .each(function (d) {
      d3.select(this).select('title').text(d.title);
    })
    .transition(t as never)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h);
  const labels = svg
    .select('g.labels')
    .selectAll<SVGTextElement, (typeof v.diagram.labels)[number]>('text')
    .data(v.diagram.labels, keyById as never);
  labels
    .enter()
    .append('text')
    .attr('data-id', (d) => d.id)
    .attr('text-anchor', 'middle')
    .attr('y', (d) => d.y)
    .attr('x', (d) => d.x)
    .merge(labels)
    .text((d) => d.text)
    .transition(t as never)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y);
  labels.exit().remove();
}

/** The MACs curve: its axes and three lines redrawn, the cursor and dots moved to the current φ. */
export function drawCurve(host: HTMLElement, v: PlaygroundView, animate: boolean): void {
  const c = v.curve;
  const svg = d3.select(host).select<SVGSVGElement>('svg.curve');
  svg.attr(
    'aria-label',
    `MACs against φ: at φ = ${v.text.phi} the model has ${v.text.macsCompact} MACs against the ideal ${v.text.idealMacs}`,
  );
  const t = d3.transition().duration(animate ? DURATION : 0);
  axis(svg, c.yTicks, c.xTicks);
  svg.select('path.ideal').attr('d', c.ideal);
  svg.select('path.formula').attr('d', c.formula);
  svg.select('path.actual').attr('d', c.actual);
  svg
    .select('line.cursor')
    .transition(t as never)
    .attr('x1', c.current.x)
    .attr('x2', c.current.x);
  svg
    .select('circle.dot.ideal')
    .transition(t as never)
    .attr('cx', c.current.x)
    .attr('cy', c.current.yIdeal);
  svg
    .select('circle.dot.actual')
    .transition(t as never)
    .attr('cx', c.current.x)
    .attr('cy', c.current.yActual);
}

/** Params against MACs: the compound line and the points (released, current) keyed by id. */
export function drawScatter(host: HTMLElement, v: PlaygroundView, animate: boolean): void {
  const svg = d3.select(host).select<SVGSVGElement>('svg.scatter');
  if (svg.empty()) return;
  const s = v.scatter;
  const t = d3.transition().duration(animate ? DURATION : 0);
  axis(svg, s.yTicks, s.xTicks);
  svg.select('path.actual').attr('d', s.line);
  const pts = svg
    .select('g.points')
    .selectAll<SVGGElement, (typeof s.points)[number]>('g.pt')
    .data(s.points, keyById as never);
  const entered = pts
    .enter()
    .append('g')
    .attr('class', (d) => `pt ${d.id}`)
    .attr('data-id', (d) => d.id)
    .attr('transform', (d) => `translate(${d.px},${d.py})`);
  entered.append('circle').attr('r', 4.5);
  entered.append('text');
  entered
    .merge(pts)
    .each(function (d) {
      d3.select(this).select('text').text(d.label).attr('x', d.dx).attr('y', d.dy).attr('text-anchor', d.anchor);
    })
    .transition(t as never)
    .attr('transform', (d) => `translate(${d.px},${d.py})`);
  pts.exit().remove();
}

/** The single-dimension table's cells (scaling-single-table.ts), column by column. */
export function writeSingles(host: HTMLElement, cols: readonly SingleColumn[]): void {
  for (const c of cols) {
    for (const row of SINGLE_ROWS) {
      const el = host.querySelector(`tr[data-single="${row.key}"] td[data-col="${c.id}"]`);
      if (el) el.textContent = row.text(c);
    }
  }
}

function axis(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  yTicks: readonly { pos: number; label: string }[],
  xTicks: readonly { pos: number; label: string }[],
): void {
  const gl = svg.select('g.grid').selectAll('line').data(yTicks);
  gl.enter()
    .append('line')
    .merge(gl as never)
    .attr('x1', AXIS.gridX1)
    .attr('x2', AXIS.gridX2)
    .attr('y1', (d) => d.pos)
    .attr('y2', (d) => d.pos);
  gl.exit().remove();
  const yl = svg.select('g.axis.y').selectAll('text').data(yTicks);
  yl.enter()
    .append('text')
    .attr('text-anchor', 'end')
    .merge(yl as never)
    .attr('x', AXIS.yLabelX)
    .attr('y', (d) => d.pos + 4)
    .text((d) => d.label);
  yl.exit().remove();
  const xl = svg.select('g.axis.x').selectAll('text.tick').data(xTicks);
  xl.enter()
    .append('text')
    .attr('class', 'tick')
    .attr('text-anchor', 'middle')
    .merge(xl as never)
    .attr('x', (d) => d.pos)
    .attr('y', AXIS.xLabelY)
    .text((d) => d.label);
  xl.exit().remove();
}
