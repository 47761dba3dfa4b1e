/**
 * Node options the language server's process is started with: by the VS Code client, by
 * the benchmark, and as the README shows for other editors. Only what cannot be set once
 * the process runs is here; the rest the server sets itself (adapters/v8Tuning.ts).
 *
 * A 2 MB semi-space: V8's default young generation grows to 2 × 16 MB, which with the
 * 1.6 MB compilation open was a third of what the server holds above a bare nodejieba
 * process (bench), for no measurable gain in speed.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2'];
