import { version } from '../../package.json';

/** The extension's version, read from package.json when bundled: the server, the CLI and the client report the same. */
export const VERSION: string = version;
