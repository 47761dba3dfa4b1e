import type { OutlineNode } from '../../outline/types';

/**
 * The names of the headings above each offset of interest, outermost first:
 * the topic a part or section announces (`八、大力推进生态文明建设`).
 */
export function headingsAt(outline: readonly OutlineNode[], offset: number): string[] {
  const names: string[] = [];
  let level = outline;
  for (;;) {
    const node = level.find((n) => n.span.start <= offset && offset < n.span.end);
    if (!node) return names;
    if (node.selectionSpan.start <= offset && offset < node.selectionSpan.end) return names;
    names.push(node.name);
    level = node.children;
  }
}
