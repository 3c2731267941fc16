/**
 * Callback data is untrusted input: anyone can forge a button press. Each button family
 * has a prefix and a validator; a press that does not parse is refused politely.
 */

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export interface CallbackCodec<T> {
  readonly prefix: string;
  encode(value: T): string;
  /** The value, or undefined when the data is not this family's or is malformed. */
  decode(data: string): T | undefined;
  /** Matches any data of this family, well-formed or not, for `bot.callbackQuery(...)`. */
  readonly pattern: RegExp;
}

export function callbackCodec<T>(prefix: string, parts: { encode(value: T): string; decode(payload: string): T | undefined }): CallbackCodec<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(prefix)) throw new Error(`bad callback prefix ${prefix}`);
  const head = `${prefix}:`;
  return {
    prefix,
    pattern: new RegExp(`^${prefix}:`),
    encode(value) {
      const data = head + parts.encode(value);
      if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES) throw new Error(`callback data too long: ${data}`);
      return data;
    },
    decode(data) {
      if (!data.startsWith(head)) return undefined;
      return parts.decode(data.slice(head.length));
    },
  };
}
