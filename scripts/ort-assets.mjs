// An Astro integration that serves onnxruntime-web's WebAssembly from this site (never a CDN):
// before dev or build it copies the wasm backend's two files from node_modules into public/ort/
// (git-ignored, regenerated every run), which Astro serves in dev and copies into dist/ at build.
// The worker sets `ort.env.wasm.wasmPaths = '/ort/'` (src/workers/ort-run.ts). The threaded build
// needs cross-origin isolation for threads; without it ORT runs it on one thread.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ORT_FILES = ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'];

/** Copies the files into `<root>/public/ort/` when missing or older than node_modules' copies. */
export function copyOrtAssets(root) {
  const require = createRequire(join(root, 'package.json'));
  const dist = dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
  const out = join(root, 'public', 'ort');
  mkdirSync(out, { recursive: true });
  for (const f of ORT_FILES) {
    const from = join(dist, f);
    const to = join(out, f);
    let fresh = false;
    try {
      const a = statSync(from);
      const b = statSync(to);
      fresh = b.size === a.size && b.mtimeMs >= a.mtimeMs;
    } catch {
      fresh = false;
    }
    if (!fresh) copyFileSync(from, to);
  }
  return out;
}

export default function ortAssets() {
  return {
    name: 'depthwise-ort-assets',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const out = copyOrtAssets(fileURLToPath(config.root));
        logger.info(`onnxruntime-web wasm served from /ort/ (${out})`);
      },
    },
  };
}
