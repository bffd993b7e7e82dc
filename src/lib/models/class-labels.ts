/**
 * Which class names a classifier's output indexes. The names are data: ImageNet-1k's 1,000 come
 * from the npm package @tensorflow-models/mobilenet (dist/imagenet_classes.js, Apache-2.0, the
 * standard ILSVRC-2012 order timm and torchvision use) and are served at build time as
 * /models/classes/imagenet-1k.json (src/pages/models/classes/[set].json.ts); Fashion-MNIST's ten
 * are the dataset's label definitions.
 *
 * A model says which list it uses in its metadata (`labels` in a manifest entry or a zoo entry);
 * without one, a 1,000-way head is read as ImageNet-1k, and any other size has no names (its
 * classes are shown by index).
 */
export type LabelSet = 'imagenet-1k' | 'fashion-mnist';

export const LABEL_SETS: readonly LabelSet[] = ['imagenet-1k', 'fashion-mnist'];

/** Fashion-MNIST's labels 0–9, as the dataset defines them (~/lib/data/fashion-mnist.ts). */
export { FASHION_MNIST_CLASSES } from '../data/fashion-mnist.ts';

/** How many classes each list has (a declared list must match the head it labels). */
export const LABEL_SET_SIZE: Readonly<Record<LabelSet, number>> = { 'imagenet-1k': 1000, 'fashion-mnist': 10 };

/** The URL of a list's names (a JSON array of strings, index = class). */
export const labelSetUrl = (set: LabelSet): string => `/models/classes/${set}.json`;

/**
 * The label set of a classifier with `numClasses` outputs: the one its metadata declares (checked
 * against the head's size), else ImageNet-1k for a 1,000-way head, else none.
 */
export function labelSetFor(numClasses: number, declared?: string): LabelSet | undefined {
  if (declared !== undefined) {
    if (!(LABEL_SETS as readonly string[]).includes(declared))
      throw new Error(`unknown label set "${declared}"; known: ${LABEL_SETS.join(', ')}`);
    const set = declared as LabelSet;
    if (LABEL_SET_SIZE[set] !== numClasses)
      throw new Error(`label set "${set}" has ${LABEL_SET_SIZE[set]} classes but the model has ${numClasses} outputs`);
    return set;
  }
  return numClasses === 1000 ? 'imagenet-1k' : undefined;
}
