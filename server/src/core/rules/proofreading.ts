import type { Finding, TextEdit } from '../types';

/** A finding of a proofreading rule at `[start, end)` of the paragraph, with an optional certain fix. */
export function proofFinding(
  code: string,
  messageId: string,
  start: number,
  end: number,
  args: Record<string, string | number>,
  fix?: readonly TextEdit[],
): Finding {
  return fix ? { code, messageId, span: { start, end }, args, fix } : { code, messageId, span: { start, end }, args };
}

/** One edit replacing `[start, end)` by `newText`. */
export function replace(start: number, end: number, newText: string): TextEdit[] {
  return [{ span: { start, end }, newText }];
}
