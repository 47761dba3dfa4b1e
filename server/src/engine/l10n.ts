import { ruleById } from '../core/rules/registry';
import type { LocalizedText } from '../core/rules/rule';
import type { Finding } from '../core/types';

export type Locale = 'en' | 'zh';

/** The editor's display language from `InitializeParams.locale`: Chinese for any `zh*`, else English. */
export function localeFrom(clientLocale: string | undefined): Locale {
  return clientLocale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Fills `{name}` placeholders. Unknown names stay visible rather than vanish. */
export function format(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

export function localize(text: LocalizedText, locale: Locale, args?: Readonly<Record<string, string | number>>): string {
  return format(text[locale], args);
}

/** The localised message of a rule's finding. */
export function findingMessage(finding: Finding, locale: Locale): string {
  const template = ruleById(finding.code)?.messages[finding.messageId];
  return template ? localize(template, locale, finding.args) : `${finding.code}/${finding.messageId}`;
}
