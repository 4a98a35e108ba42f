import { z } from 'zod';
import { AppError } from './errors.ts';
import { cleanStrings } from './clean-text.ts';

/**
 * Validates a request part with a schema: 400 INVALID_INPUT listing every problem, never a 500.
 * Every string in it is cleaned first (lib/clean-text.ts): controls and bidi overrides go.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(cleanStrings(value ?? {}));
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new AppError('INVALID_INPUT', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}

/** The largest id the tables hold (a 32-bit signed integer on both dialects). */
export const MAX_ID = 2_147_483_647;

/** A row id: a positive whole number the tables can hold. */
export const idSchema = z.number().int().positive().max(MAX_ID);

/** `/…/:id` path parameters. */
export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });
