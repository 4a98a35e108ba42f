// WCAG 2.5.3 (label in name): a person using speech says what the button shows ("H2", "১≡"), so the
// accessible name must contain it; it leads, so both are heard together. A button that shows only a
// symbol (¶, ❝, •≡, ↶) has no text label to match and is named by its description alone.

/** The accessible name of a toolbar button that shows `visible` and is described by `description`. */
export function toolName(visible: string, description: string): string {
  if (!/[\p{L}\p{Nd}]/u.test(visible) || description.startsWith(visible)) return description;
  return `${visible} ${description}`;
}
