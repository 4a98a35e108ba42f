import type { z } from 'zod';
import { AppError } from '../lib/errors.ts';

/** Validates a request part with a schema: 400 INVALID_INPUT listing every problem, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('INVALID_INPUT', 400, details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}
