/**
 * Node options the language server's process is started with: by the VS Code client, by
 * the benchmark, and as the README shows for other editors. Only what cannot be set once
 * the process runs is here; the rest the server sets itself (adapters/v8Tuning.ts).
 *
 * A 4 MB semi-space: V8's default young generation grows to 2 × 16 MB, which with the
 * 1.6 MB compilation open was a third of what the server holds above a bare nodejieba
 * process (bench). 2 MB was chosen while the open allocated more and scavenges copied mostly
 * survivors; once the open allocated a third less (ninth session), 4 MB opened 002 faster —
 * alternated fresh servers, 8 pairs: medians 1.26 × the raw cut against 1.35 × with 2 MB, for
 * 4–5 MB more resident; 8 MB was no faster than 4 and held 8–10 MB more.
 *
 * `--expose-gc`: the server collects once when its warm-up is over, leaving room for the first
 * large document's analysis (adapters/v8Tuning.ts, collectWithHeadroom); started without it,
 * the server skips that collection.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4', '--expose-gc'];

/**
 * Environment the server's process is started with (the same places). glibc gives every thread
 * that allocates its own malloc arena and keeps what was freed in it: the segmentation worker's
 * cuts (nodejieba allocates in C++) left ≈8–10 MB more resident after opening the 1.6 MB
 * compilation than with two arenas (bench --open-only: 357–363 against 370–371 MB), for ≈30 ms
 * more CPU in the worker. Ignored where the C library is not glibc.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
