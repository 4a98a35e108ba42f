import type { Section } from './section.repository.ts';

export interface SectionNode extends Section {
  parent: SectionNode | null;
  children: SectionNode[];
}

/** An in-memory view of the section tree, built from one query. */
export class SectionTree {
  readonly roots: SectionNode[] = [];
  private readonly byId = new Map<number, SectionNode>();
  private readonly byPath = new Map<string, SectionNode>();

  constructor(sections: readonly Section[]) {
    for (const s of sections) {
      const node: SectionNode = { ...s, parent: null, children: [] };
      this.byId.set(s.id, node);
      this.byPath.set(s.path, node);
    }
    for (const node of this.byId.values()) {
      const parent = node.parent_id === null ? undefined : this.byId.get(node.parent_id);
      if (parent) {
        node.parent = parent;
        parent.children.push(node);
      } else this.roots.push(node);
    }
    const order = (a: SectionNode, b: SectionNode) => a.position - b.position || a.id - b.id;
    this.roots.sort(order);
    for (const node of this.byId.values()) node.children.sort(order);
  }

  /** Every section, in no particular order. */
  all(): SectionNode[] {
    return [...this.byId.values()];
  }

  byIdOrUndefined(id: number): SectionNode | undefined {
    return this.byId.get(id);
  }

  byPathOrUndefined(path: string): SectionNode | undefined {
    return this.byPath.get(path);
  }

  /** The section and all its descendants' ids, for a section front that includes sub-sections. */
  subtreeIds(node: SectionNode): number[] {
    const ids = [node.id];
    for (const child of node.children) ids.push(...this.subtreeIds(child));
    return ids;
  }

  /** Root first: আন্তর্জাতিক, এশিয়া. */
  ancestry(node: SectionNode): SectionNode[] {
    const chain: SectionNode[] = [];
    for (let n: SectionNode | null = node; n; n = n.parent) chain.unshift(n);
    return chain;
  }
}
