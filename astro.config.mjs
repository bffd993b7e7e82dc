// @ts-check
import { defineConfig } from 'astro/config';
import { defaultClientConditions } from 'vite';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeScrollableMath from './src/lib/site/rehype-scrollable-math.mjs';

/**
 * Cross-origin isolation lets onnxruntime-web use wasm threads (SharedArrayBuffer). Every asset is
 * served from this origin, so `require-corp` costs nothing. Hosting must send the same two headers
 * (see README, "Hosting").
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  site: 'https://depthwise.example',
  // DEPTHWISE_OUT_DIR lets several builds (and their browser tests) run side by side without sharing dist/.
  outDir: process.env.DEPTHWISE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  integrations: [mdx(), (await import('./scripts/ort-assets.mjs')).default()],
  markdown: {
    // Astro 7's default Markdown engine (Sätteri) runs no remark/rehype plugins; KaTeX needs unified.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeScrollableMath] }),
  },
  server: { headers: isolationHeaders },
  vite: {
    // onnxruntime-web's default browser entry bundles its wasm loader, which makes Vite emit a second
    // 14 MB copy of the wasm into _astro/ that nothing requests (the workers load /ort/). Its
    // "extern wasm" build leaves both to `ort.env.wasm.wasmPaths`.
    resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },
    preview: { headers: isolationHeaders },
    server: { headers: isolationHeaders },
  },
  devToolbar: { enabled: false },
});
