/**
 * /models/classes/<set>.json: a label set's class names as a JSON array (index = class), written at
 * build time from the data (see ~/lib/models/class-labels.ts): ImageNet-1k from the npm package
 * @tensorflow-models/mobilenet, Fashion-MNIST from the dataset's label table. The debugger fetches
 * one when it first shows a classifier's predictions.
 */
import type { APIRoute } from 'astro';
import { IMAGENET_CLASSES } from '@tensorflow-models/mobilenet/dist/imagenet_classes.js';
import {
  FASHION_MNIST_CLASSES,
  LABEL_SET_SIZE,
  LABEL_SETS,
  labelSetFor,
  type LabelSet,
} from '~/lib/models/class-labels.ts';
import { buildModel, MODELS } from '~/lib/models/index.ts';

/** Only the lists some model's debugger names are written: nothing ships that no page asks for. */
export function getStaticPaths() {
  const used = new Set(MODELS.map((m) => labelSetFor(Number(buildModel(m.id).outputs[0].dims.at(-1)), m.labels)));
  return LABEL_SETS.filter((set) => used.has(set)).map((set) => ({ params: { set } }));
}

function names(set: LabelSet): string[] {
  const list =
    set === 'imagenet-1k'
      ? Array.from({ length: LABEL_SET_SIZE[set] }, (_, i) => IMAGENET_CLASSES[i])
      : [...FASHION_MNIST_CLASSES];
  if (list.length !== LABEL_SET_SIZE[set] || list.some((n) => typeof n !== 'string' || n === ''))
    throw new Error(`label set ${set}: expected ${LABEL_SET_SIZE[set]} names`);
  return list;
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(names(params.set as LabelSet)), { headers: { 'Content-Type': 'application/json' } });
