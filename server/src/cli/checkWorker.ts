import { parentPort, workerData } from 'node:worker_threads';
import { keepJiebaAtExit } from '../adapters/jieba';
import { FileChecker, type CheckSetup } from './fileChecker';

/**
 * A worker of `policy-lens check --jobs N`: its own engine (and dictionary),
 * checking the files the main thread hands it, one at a time, in any order.
 */
const checker = new FileChecker(workerData as CheckSetup);

parentPort?.on('message', async (message: { index: number; file: string } | null) => {
  if (message === null) {
    // The command line ends with its last worker: freeing this thread's dictionary first (≈130 ms,
    // adapters/jieba.ts) would only make the main thread wait for it.
    if (checker.cutsWithNodejiebaHere) keepJiebaAtExit();
    checker.dispose();
    parentPort?.close();
    return;
  }
  let result;
  try {
    result = await checker.check(message.file);
  } catch (error) {
    result = { error: `${message.file}: ${error instanceof Error ? error.message : String(error)}`, warnings: [] };
  }
  parentPort?.postMessage({ index: message.index, result });
});
