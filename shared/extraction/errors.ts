/** Why a document's bytes could not be read as text. */
export type UnreadableCode = 'empty' | 'too-large' | 'unsupported-format' | 'corrupt' | 'encrypted' | 'no-text';

/**
 * The only error extraction throws for bad input. The message is written for the person who uploaded
 * the file: it says what is wrong and what to upload instead.
 */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly code: UnreadableCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UnreadableDocumentError';
  }
}
