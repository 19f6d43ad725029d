/** A record or message that does not decode. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}
