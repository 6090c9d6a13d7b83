import type { RenderedNode } from '@hubspot/ui-extensions/testing';

/** All the text a rendered node shows, its children's included (a node's own `.text` is only its direct text). */
export function textOf(node: RenderedNode | null): string {
  if (!node) return '';
  if (node.nodeType === 'text') return node.text;
  return node.childNodes.map((child) => textOf(child as RenderedNode)).join(' ');
}

/**
 * Fires a component's event handler with the value a user's action gives it (a Select's chosen value, a
 * TextArea's text). The testing types declare the handler itself as the argument, so this goes around them.
 */
export function fire(node: { trigger: unknown }, event: string, value?: unknown): void {
  (node.trigger as (name: string, arg?: unknown) => void)(event, value);
}
