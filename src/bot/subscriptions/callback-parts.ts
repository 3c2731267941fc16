/** Small parsers for the fields of callback data: each returns undefined for anything malformed. */

const INTEGER = /^-?[1-9]\d{0,15}$|^0$/;

export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function parseIndex(text: string | undefined, max = 999): number | undefined {
  const value = parseInteger(text);
  return value !== undefined && value >= 0 && value <= max ? value : undefined;
}

/** A remote chat id, or "" for the chat the button is in. Remote chats are always channels (negative ids). */
export function parseScopeRef(text: string | undefined): { remote: number | undefined } | undefined {
  if (text === "") return { remote: undefined };
  const id = parseInteger(text);
  return id !== undefined && id < 0 ? { remote: id } : undefined;
}

export function encodeScopeRef(remote: number | undefined): string {
  return remote === undefined ? "" : String(remote);
}
