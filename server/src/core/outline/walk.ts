import type { OutlineNode } from './types';

/** Every node of the outline in pre-order (document order of the headings). */
export function flattenOutline(nodes: readonly OutlineNode[]): OutlineNode[] {
  const result: OutlineNode[] = [];
  const visit = (node: OutlineNode): void => {
    result.push(node);
    node.children.forEach(visit);
  };
  nodes.forEach(visit);
  return result;
}

/** The chain of headings whose span contains `offset`, outermost first (for breadcrumbs and sticky scroll). */
export function headingsAt(nodes: readonly OutlineNode[], offset: number): OutlineNode[] {
  const chain: OutlineNode[] = [];
  let level: readonly OutlineNode[] = nodes;
  for (;;) {
    const inside = level.find((node) => node.span.start <= offset && offset <= node.span.end);
    if (!inside) return chain;
    chain.push(inside);
    level = inside.children;
  }
}
