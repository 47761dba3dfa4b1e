import type * as vscode from 'vscode';
import { activatePolicyLens, deactivatePolicyLens } from './activation';
import { registerWordDocuments } from './docx/wordDocuments';
import { createLanguageClient } from './languageClient';

/**
 * The desktop extension (package.json `main`): the server runs in Node, with nodejieba or
 * jieba-wasm; Word documents are read there too (the browser has no file system for them).
 */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activatePolicyLens(context, createLanguageClient, (startClient) => [registerWordDocuments(startClient)]);
}

export const deactivate = deactivatePolicyLens;
