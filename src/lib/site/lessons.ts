/**
 * Reads the lessons collection once for every page that needs course order (sidebar, lesson list,
 * previous/next). Thin on purpose: the ordering rules live in `course.ts`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { courseOrder } from './course.ts';

export type Lesson = CollectionEntry<'lessons'>;

export interface LessonSummary {
  id: string;
  title: string;
  description: string;
  order: number;
  draft: boolean;
  href: string;
}

export function lessonHref(id: string): string {
  return `/lessons/${id}/`;
}

/** Published lessons, in course order, as plain summaries. */
export async function publishedLessons(): Promise<{ entries: Lesson[]; summaries: LessonSummary[] }> {
  const all = await getCollection('lessons');
  const summaries = courseOrder(
    all.map((e) => ({
      id: e.id,
      title: e.data.title,
      description: e.data.description,
      order: e.data.order,
      draft: e.data.draft,
      href: lessonHref(e.id),
    })),
  );
  const byId = new Map(all.map((e) => [e.id, e]));
  return { entries: summaries.map((s) => byId.get(s.id)!), summaries };
}
