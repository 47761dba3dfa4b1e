// Data files bundled as text into the browser server (esbuild's `text` loader).
declare module '*.utf8' {
  const text: string;
  export default text;
}
declare module '*.txt' {
  const text: string;
  export default text;
}
