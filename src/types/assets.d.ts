// The bundler inlines these files (scripts/build.mjs `loader: binary`) and hands the code their bytes.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
declare module '*.ttf' {
  const bytes: Uint8Array;
  export default bytes;
}
