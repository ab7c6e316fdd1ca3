// The one platform API core uses beyond the language: WHATWG Encoding's TextDecoder, which browsers
// and Node both provide (https://encoding.spec.whatwg.org/#interface-textdecoder). Declared only for
// the pure core project (src/core/tsconfig.json); the root project excludes this file and takes the
// full declaration from the DOM and Node types.
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
