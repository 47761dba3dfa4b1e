import * as vscode from 'vscode';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

/** The language the extension speaks: `policyLens.language`, or VS Code's display language when `auto`. */
export type UiLanguage = 'en' | 'zh-cn';

export function uiLanguage(): UiLanguage {
  const chosen = vscode.workspace.getConfiguration('policyLens').get<string>('language', 'auto');
  if (chosen === 'en' || chosen === 'zh-cn') return chosen;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * `vscode.l10n.t`, but in the language of `policyLens.language` when the user chose one that
 * differs from VS Code's display language (VS Code without a Chinese language pack, or a Chinese
 * VS Code and an English-speaking reviewer). Strings of package.json (command titles, settings)
 * always follow VS Code's display language.
 */
export const l10n = {
  t(message: string, ...args: (string | number | boolean)[]): string {
    const language = uiLanguage();
    const vscodeLanguage: UiLanguage = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
    if (language === vscodeLanguage) return vscode.l10n.t(message, ...args);
    const template = language === 'zh-cn' ? ((zhCn as Record<string, string>)[message] ?? message) : message;
    return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
  },
};
