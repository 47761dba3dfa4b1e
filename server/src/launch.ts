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

/**
 * Environment the server's process is started with (the same places). glibc gives every thread
 * that allocates its own malloc arena and keeps what was freed in it: the segmentation worker's
 * cuts (nodejieba allocates in C++) left ≈8–10 MB more resident after opening the 1.6 MB
 * compilation than with two arenas (bench --open-only: 357–363 against 370–371 MB), for ≈30 ms
 * more CPU in the worker. Ignored where the C library is not glibc.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
