// The one platform API the core relies on beyond ES2022: the Encoding Standard's TextDecoder, present
// alike in browsers, Web Workers and Node. Declared here because the core's lib has no DOM.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
