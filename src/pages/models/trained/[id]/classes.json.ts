/**
 * /models/trained/<id>/classes.json: the trained model's class names as its manifest lists them
 * (index = class), for the debugger's top-5 panel.
 */
import type { APIRoute } from 'astro';
import { debugRuns } from '~/lib/family/debug-runs.ts';
import { readTrainedManifest } from './_manifest.ts';

export function getStaticPaths() {
  const m = readTrainedManifest();
  return m ? debugRuns(m).map(({ run }) => ({ params: { id: run.id }, props: { classes: run.classes } })) : [];
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.classes), { headers: { 'Content-Type': 'application/json' } });
