import { ruleById } from '../core/rules/registry';
import type { LocalizedText } from '../core/rules/rule';
import type { Finding } from '../core/types';

export type Locale = 'en' | 'zh';

/** The editor's display language from `InitializeParams.locale`: Chinese for any `zh*`, else English. */
export function localeFrom(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * Fills `{name}` placeholders, and `{name|one|other}` with the number and the noun that
 * agrees with it (`{count|time|times}` → `1 time`, `4 times`), so English never reads
 * `time(s)` or `1 times`. Unknown names stay visible rather than vanish.
 */
export function format(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in args)) return whole;
    const value = args[name];
    if (one === undefined) return String(value);
    return `${value} ${Number(value) === 1 ? one : other}`;
  });
}

export function localize(text: LocalizedText, locale: Locale, args?: Readonly<Record<string, string | number>>): string {
  return format(text[locale], args);
}

/** The localised message of a rule's finding. */
export function findingMessage(finding: Finding, locale: Locale): string {
  const template = ruleById(finding.code)?.messages[finding.messageId];
  return template ? localize(template, locale, finding.args) : `${finding.code}/${finding.messageId}`;
}
