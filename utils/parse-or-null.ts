import type * as z from 'zod/mini';

/**
 * A reader for values from outside this page (messages, stored settings): the value when it has
 * the schema's shape, else null. The one place `safeParse` turns into "ours or not".
 */
export function parseOrNull<T>(schema: z.ZodMiniType<T>): (raw: unknown) => T | null {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };
}
