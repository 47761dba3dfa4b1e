// mammoth's own zip and XML readers (not part of its typed API), used only to
// read the outline levels of paragraph styles, which its document model omits.

declare module 'mammoth/lib/unzip' {
  export interface ZipFile {
    exists(name: string): boolean;
  }
  export function openZip(input: { buffer: Buffer }): PromiseLike<ZipFile>;
}

declare module 'mammoth/lib/docx/office-xml-reader' {
  import type { ZipFile } from 'mammoth/lib/unzip';
  export interface XmlElement {
    readonly type: 'element';
    readonly name: string;
    readonly attributes: Readonly<Record<string, string | undefined>>;
    readonly children: readonly (XmlElement | { readonly type: 'text'; readonly value: string })[];
    first(name: string): XmlElement | undefined;
    firstOrEmpty(name: string): XmlElement;
    getElementsByTagName(name: string): XmlElement[];
  }
  export function readXmlFromZipFile(zip: ZipFile, path: string): PromiseLike<XmlElement | null>;
}
