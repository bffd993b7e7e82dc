/**
 * Course order as data: lessons sort by their `order` field, drafts never appear, and each lesson
 * gets its neighbours for previous/next links. Pure, so Vitest checks it without Astro.
 */
export interface LessonRef {
  id: string;
  title: string;
  order: number;
  draft: boolean;
}

export interface CoursePosition<T extends LessonRef> {
  prev: T | undefined;
  next: T | undefined;
  index: number;
  total: number;
}

/** Published lessons in course order; throws when two lessons claim the same position. */
export function courseOrder<T extends LessonRef>(lessons: readonly T[]): T[] {
  const published = lessons.filter((l) => !l.draft).sort((a, b) => a.order - b.order);
  for (let i = 1; i < published.length; i++) {
    if (published[i].order === published[i - 1].order) {
      throw new Error(
        `lessons '${published[i - 1].id}' and '${published[i].id}' both have order ${published[i].order}; each lesson needs its own position`,
      );
    }
  }
  return published;
}

/** Where a lesson sits in the course, with its previous and next lessons. */
export function coursePosition<T extends LessonRef>(ordered: readonly T[], id: string): CoursePosition<T> {
  const index = ordered.findIndex((l) => l.id === id);
  if (index < 0) throw new Error(`lesson '${id}' is not in the course (is it a draft?)`);
  return { prev: ordered[index - 1], next: ordered[index + 1], index, total: ordered.length };
}
