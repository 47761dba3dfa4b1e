/** Text encodings of user files: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 (a superset of GBK and GB2312). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/**
 * Decodes a file's bytes. `auto` takes a BOM's word, then UTF-8 if the bytes
 * are valid UTF-8, else GB18030 (Chinese files not in UTF-8 are almost always
 * GBK/GB18030). Returns undefined when the bytes are not text in the encoding
 * chosen (or in any, for `auto`): NUL bytes, or invalid sequences.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName | 'auto' = 'auto'): DecodedText | undefined {
  if (encoding !== 'auto') return decodedAs(bytes, encoding);
  const bom = bomEncoding(bytes);
  if (bom) return decodedAs(bytes, bom);
  // Decoded once: validating first and decoding afterwards read every file twice.
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return utf8.includes('\u0000') ? undefined : { text: utf8, encoding: 'utf-8' };
  return decodedAs(bytes, 'gb18030');
}

function decodedAs(bytes: Uint8Array, encoding: TextEncodingName): DecodedText | undefined {
  // TextDecoder drops a BOM of the encoding it decodes.
  const text = strictDecode(bytes, encoding);
  return text === undefined || text.includes('\u0000') ? undefined : { text, encoding };
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Accepts the names people type: `utf8`, `GBK`, `gb2312`, `GB18030`, `auto`. */
export function parseEncodingName(name: string): TextEncodingName | 'auto' | undefined {
  const normal = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (normal === 'auto') return 'auto';
  if (normal === 'utf-8' || normal === 'utf8') return 'utf-8';
  if (normal === 'utf-16le' || normal === 'utf16le') return 'utf-16le';
  if (normal === 'utf-16be' || normal === 'utf16be') return 'utf-16be';
  if (['gb18030', 'gbk', 'gb2312', 'cp936', 'euc-cn'].includes(normal)) return 'gb18030';
  return undefined;
}

/** The text, or undefined when the bytes are not valid in the encoding. */
function strictDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
