import type { Section } from '../api-types.ts';

export interface SectionOption {
  id: number;
  name: string;
  depth: number;
}

/** Sections in tree order (each parent followed by its children, by position), with their depth. */
export function sectionTree(sections: readonly Section[]): SectionOption[] {
  const children = new Map<number | null, Section[]>();
  for (const s of sections) {
    const list = children.get(s.parentId) ?? [];
    list.push(s);
    children.set(s.parentId, list);
  }
  const out: SectionOption[] = [];
  const walk = (parentId: number | null, depth: number) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const s of list) {
      out.push({ id: s.id, name: s.name, depth });
      if (depth < 8) walk(s.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
