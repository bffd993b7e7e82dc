import { describe, expect, it } from 'vitest';
import { closeArena, f32buf, f32bufUninit, newArena, openArena } from '~/lib/engine/pool.ts';

describe('training buffer arena', () => {
  it('outside an arena every call is a fresh zeroed array', () => {
    const a = f32buf(5000);
    a.fill(3);
    const b = f32buf(5000);
    expect(b).not.toBe(a);
    expect(b.every((v) => v === 0)).toBe(true);
  });

  it('buffers handed out in one step come back, zeroed by f32buf, in the next; never twice in one step', () => {
    const arena = newArena();
    openArena(arena);
    const x = f32buf(8192);
    const y = f32bufUninit(8192);
    expect(y).not.toBe(x);
    x.fill(7);
    y.fill(9);
    closeArena(arena);
    // closed: plain allocation again
    expect(f32buf(8192)).not.toBe(x);
    openArena(arena);
    const u = f32bufUninit(8192);
    const z = f32buf(8192);
    expect([x, y]).toContain(u);
    expect([x, y]).toContain(z);
    expect(z.every((v) => v === 0)).toBe(true);
    expect(f32buf(8192)).not.toBe(u);
    closeArena(arena);
  });

  it('small arrays are never pooled (V8 allocates them cheaply on its heap)', () => {
    const arena = newArena();
    openArena(arena);
    const s = f32buf(16);
    closeArena(arena);
    openArena(arena);
    expect(f32buf(16)).not.toBe(s);
    closeArena(arena);
  });
});
