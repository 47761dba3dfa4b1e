import { prestartSegmentationWorker } from '../adapters/prestart';

// Imported first by the entry point (cli.ts), so that this runs before the rest of the bundle loads.
prestartSegmentationWorker(process.argv.slice(2));
