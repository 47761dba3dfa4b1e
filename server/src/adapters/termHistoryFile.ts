import * as fs from 'node:fs';
import type { TermHistoryData } from '../core/terms/termHistory';
import { dataPath } from './resources';

let cached: TermHistoryData | null | undefined;

/**
 * The built-in term history (data/term-history.json, written by `npm run build-data`), read once.
 * Undefined when the file is missing or broken: hovers then simply show no history line.
 */
export function loadTermHistory(): TermHistoryData | undefined {
  if (cached === undefined) {
    try {
      const data = JSON.parse(fs.readFileSync(dataPath('term-history.json'), 'utf8')) as TermHistoryData;
      cached = data.version === 1 && Array.isArray(data.gwrYears) && typeof data.terms === 'object' ? data : null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
