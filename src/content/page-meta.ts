import { z } from 'astro/zod';

/** Who a page is written for; shown under the title in the reader's language. */
export const audiences = ['operator', 'planner', 'trainer', 'manager'] as const;
export type Audience = (typeof audiences)[number];

/**
 * Frontmatter every page of the playbook carries on top of Starlight's own fields.
 * A page that breaks it fails the build, and Astro's message names the file and the field.
 * Reading time is not here on purpose: it is computed from the text (see `readingMinutes`).
 */
export const pageMetaSchema = z.object({
  /** The day an editor last checked the page against practice, as YYYY-MM-DD. */
  lastReviewed: z.coerce.date({ error: 'lastReviewed must be a date written as YYYY-MM-DD' }),
  /** The role that answers for the page: a role, never a person's name. */
  owner: z.string().trim().min(2, 'owner must name the responsible role'),
  /** At least one reader group the page is written for. */
  audience: z.array(z.enum(audiences)).min(1, 'audience must list at least one reader group'),
});
export type PageMeta = z.infer<typeof pageMetaSchema>;
