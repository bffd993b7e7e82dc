/**
 * The widget kit's Scene as BRIEF.md specifies it (issue "One way to build a widget"), until the kit
 * lands on this branch; then imports switch to src/lib/viz/kit/marks.ts and this file goes.
 */
interface MarkBase { key: string; class?: string; title?: string; data?: Record<string, string | number> }
export interface RectMark extends MarkBase { kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number; fill?: string }
export interface LineMark extends MarkBase { kind: 'line'; x1: number; y1: number; x2: number; y2: number }
export interface PathMark extends MarkBase { kind: 'path'; d: string; fill?: string }
export interface CircleMark extends MarkBase { kind: 'circle'; cx: number; cy: number; r: number; fill?: string }
export interface TextMark extends MarkBase { kind: 'text'; x: number; y: number; text: string; anchor?: 'start' | 'middle' | 'end'; baseline?: 'auto' | 'middle' | 'hanging' }
export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;
export interface Scene { width: number; height: number; label: string; marks: readonly Mark[] }
