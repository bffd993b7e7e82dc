import { measureVit, measureCnn, comparatorBlock } from './src/lib/viz/lessons/vit-measure.ts';
console.time('all');
for (const p of [8,16,32]) console.log(p, comparatorBlock(p));
for (const R of [64, 224, 512, 1024]) for (const p of [8,16,32]) { console.log(R, p, JSON.stringify(measureVit(R,p)), JSON.stringify(measureCnn(R,p))); }
console.timeEnd('all');
console.time('grid');
for (let R = 64; R <= 1024; R += 32) for (const p of [8,16,32]) { measureVit(R,p); measureCnn(R,p); }
console.timeEnd('grid');
for (let R = 16; R <= 448; R += 16) console.log(R, measureVit(R,16).modelMacs);
