/**
 * The one place `@ioc-kit/data` looks at the page it may run in. The package has no DOM: in
 * Node or a worker there is no page, so nothing here may assume one. Everything else in data
 * (and charts) takes these answers as arguments; lint forbids reaching `document`, `window` or
 * `location` through `globalThis` or `Reflect.get` anywhere but here.
 */

/** Whether results are wanted now: the page's visibility by default. */
export interface VisibilitySignal {
  hidden(): boolean;
  /** Calls back when visibility changes; returns the function that stops listening. */
  onChange(callback: () => void): () => void;
}

interface DocumentLike {
  visibilityState?: unknown;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

const ALWAYS_VISIBLE: VisibilitySignal = { hidden: () => false, onChange: () => () => undefined };

/** The page's visibility when there is a page; otherwise always visible (Node, workers). */
export function pageVisibility(): VisibilitySignal {
  const doc = Reflect.get(globalThis, 'document') as DocumentLike | undefined;
  if (typeof doc?.addEventListener !== 'function') return ALWAYS_VISIBLE;
  return {
    hidden: () => doc.visibilityState === 'hidden',
    onChange(callback) {
      doc.addEventListener('visibilitychange', callback);
      return () => doc.removeEventListener('visibilitychange', callback);
    },
  };
}

/** The page's address, to resolve a relative service root (`/sta/v1.1`) against; undefined without a page. */
export function pageAddress(): string | undefined {
  const href: unknown = (Reflect.get(globalThis, 'location') as { href?: unknown } | undefined)?.href;
  return typeof href === 'string' ? href : undefined;
}
