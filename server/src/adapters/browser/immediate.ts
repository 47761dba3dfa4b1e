// setImmediate / clearImmediate for the browser bundle, injected by esbuild in place of the
// Node globals: the LSP layer yields with them between steps, browsers have only timers.
export function setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0, ...args);
}

export function clearImmediate(handle: ReturnType<typeof setTimeout>): void {
  clearTimeout(handle);
}
