/**
 * /models/trained/<id>/classes.json: the trained model's class names as its manifest lists them
 * (index = class), for the debugger's top-5 panel.
 */
import type { APIRoute } from 'astro';
import { readTrainedFamily } from '~/lib/family/trained-read.ts';

export function getStaticPaths() {
  return readTrainedFamily().models.map((m) => ({ params: { id: m.id }, props: { classes: m.runs[0].classes } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.classes), { headers: { 'Content-Type': 'application/json' } });
