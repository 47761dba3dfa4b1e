import type * as vscode from 'vscode';
import { activatePolicyLens, deactivatePolicyLens } from './activation';
import { createBrowserLanguageClient } from './browserLanguageClient';
import { selectAnyScheme } from './clientOptions';

/** The web extension (package.json `browser`): vscode.dev, github.dev; the server in a web worker with jieba-wasm. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  selectAnyScheme();
  return activatePolicyLens(context, createBrowserLanguageClient);
}

export const deactivate = deactivatePolicyLens;
