#!/usr/bin/env node
// First: jieba's worker starts loading while the rest of the server loads.
import './serverEarlyStart';
import { createConnection, ProposedFeatures, StreamMessageWriter, type MessageReader } from 'vscode-languageserver/node';
import { diagnosticsJsonEncoder } from './lsp/messageEncoder';
import { createNodeHost } from './adapters/nodeHost';
import { tuneV8 } from './adapters/v8Tuning';
import { PolicyEngine } from './engine/engine';
import { startServer } from './lsp/server';

/**
 * Entry point of dist/server.js. The transport comes from the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`), as vscode-languageserver reads it.
 */
if (!process.argv.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write('usage: policy-lens-server --stdio | --node-ipc | --socket=<port>\n');
  process.exit(2);
}
tuneV8();

// Over stdio, publishes are encoded a diagnostic at a time and reused (see messageEncoder.ts).
// stdin stays a stream: vscode-languageserver accepts a stream or a reader on each side (its
// typings only list both-or-neither), and with a stream it exits when the editor closes stdin.
const connection = process.argv.includes('--stdio')
  ? createConnection(
      ProposedFeatures.all,
      process.stdin as unknown as MessageReader,
      new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsJsonEncoder() }),
    )
  : createConnection(ProposedFeatures.all);

// stdout carries JSON-RPC: anything printed by accident must go to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection, new PolicyEngine(createNodeHost('worker')));
