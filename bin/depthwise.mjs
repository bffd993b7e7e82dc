#!/usr/bin/env node
// Runs the TypeScript CLI from source: tsx compiles on the fly and honours tsconfig's `~/` alias.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
