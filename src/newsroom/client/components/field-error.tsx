import type { FieldErrors } from '../errors/field-errors.ts';
import { fieldErrorId } from '../errors/field-errors.ts';

/** The attributes that mark a form control as refused and tie it to its message. */
export function fieldAttrs(errors: FieldErrors | undefined, name: string) {
  const refused = errors?.[name] !== undefined;
  return { 'data-field': name, 'aria-invalid': refused ? ('true' as const) : undefined, 'aria-describedby': refused ? fieldErrorId(name) : undefined };
}

/** The sentence beside a refused field (nothing when it is not refused). */
export function FieldError({ errors, name }: { errors: FieldErrors | undefined; name: string }) {
  const message = errors?.[name];
  if (message === undefined) return null;
  return (
    <span id={fieldErrorId(name)} class="field-error">
      {message}
    </span>
  );
}
