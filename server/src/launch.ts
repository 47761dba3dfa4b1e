/**
 * V8 options the language server's Node process is started with: by the VS Code
 * client, by the benchmark, and as the README shows for other editors.
 *
 * Measured with the 1.6 MB compilation open (`npm run bench`): V8's defaults let the
 * young generation grow to 2 × 16 MB and the old one to several times the live
 * heap (≈65 MB), so the process grew by ≈150 MB over 400 one-character edits
 * without holding more data. A 2 MB semi-space and a 20 % growth factor keep it
 * ≈50 MB smaller after opening and flat while typing, for ≈5 % more CPU.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];
