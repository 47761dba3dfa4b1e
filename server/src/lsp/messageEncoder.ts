import type { ContentTypeEncoder, ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}}');

/**
 * JSON for the stdio transport that encodes each diagnostic once. After an edit most
 * diagnostics are the very objects published for the previous version (see
 * features/diagnostics.ts); their bytes are kept beside them, and a publish of the
 * 1.6 MB compilation (≈460 diagnostics, 400 KB) is a concatenation instead of a
 * JSON.stringify and a UTF-8 conversion of all of it (≈4 ms per edit here).
 *
 * Diagnostic objects are never changed once built, which is what makes this safe; any
 * other message is encoded as vscode-jsonrpc does.
 */
export function diagnosticsJsonEncoder(): ContentTypeEncoder {
  const encoded = new WeakMap<Diagnostic, Buffer>();
  const bytesOf = (diagnostic: Diagnostic): Buffer => {
    let bytes = encoded.get(diagnostic);
    if (!bytes) encoded.set(diagnostic, (bytes = Buffer.from(JSON.stringify(diagnostic), 'utf8')));
    return bytes;
  };
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        return Promise.resolve(isPublish(message) ? encodePublish(message, bytesOf) : Buffer.from(JSON.stringify(message), options.charset));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

interface PublishMessage {
  readonly jsonrpc: string;
  readonly method: typeof PUBLISH;
  readonly params: { readonly uri: string; readonly version?: number; readonly diagnostics: readonly Diagnostic[] };
}

function isPublish(message: Message): message is Message & PublishMessage {
  const candidate = message as Partial<PublishMessage>;
  return candidate.method === PUBLISH && Array.isArray(candidate.params?.diagnostics) && Object.keys(candidate.params!).every((key) => key === 'uri' || key === 'version' || key === 'diagnostics');
}

function encodePublish(message: PublishMessage, bytesOf: (diagnostic: Diagnostic) => Buffer): Buffer {
  const { uri, version, diagnostics } = message.params;
  const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(uri)},${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"diagnostics":[`;
  const parts: Buffer[] = [Buffer.from(head, 'utf8')];
  diagnostics.forEach((diagnostic, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(bytesOf(diagnostic));
  });
  parts.push(TAIL);
  return Buffer.concat(parts);
}
