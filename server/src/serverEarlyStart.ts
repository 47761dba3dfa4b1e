import { startHeadStart } from './adapters/prestart';

// Imported first by the server's entry point (main.ts), so that jieba's worker boots and starts
// loading the dictionaries while the rest of the bundle loads (adapters/prestart.ts, head start).
// Not for a command line main.ts will refuse (no transport): it exits at once.
if (process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) startHeadStart();
