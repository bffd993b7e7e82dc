import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Lessons: MDX files in `content/lessons`; course order comes from `order`, never from file names. */
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/lessons' }),
  schema: z.object({
    /** The lesson's title, shown as its h1, in the sidebar and in the browser tab. */
    title: z.string().min(3),
    /** One or two sentences saying what the reader will learn; used on cards and as the meta description. */
    description: z.string().min(20),
    /** Position in the course, 1-based; the sidebar and previous/next links sort by it. */
    order: z.number().int().positive(),
    /** Lessons to read first, as references to other lesson ids (file names without `.mdx`). */
    prerequisites: z.array(reference('lessons')).default([]),
    /** Sources the lesson cites: a label (paper, section or table) and a URL. */
    references: z.array(z.object({ label: z.string().min(3), url: z.url() })).min(1),
    /** When the lesson's content last changed materially. */
    updated: z.coerce.date(),
    /** Drafts are kept out of the build, the sidebar and the course order. */
    draft: z.boolean().default(false),
  }),
});

export const collections = { lessons };
