import type * as vscode from 'vscode';
import { activatePolicyLens, deactivatePolicyLens } from './activation';
import { createLanguageClient } from './languageClient';

/** The desktop extension (package.json `main`): the server runs in Node, with nodejieba or jieba-wasm. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activatePolicyLens(context, createLanguageClient);
}

export const deactivate = deactivatePolicyLens;
