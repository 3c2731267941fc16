/**
 * One address per article: the same story reached from a newsletter, a tweet
 * and the RSS feed carries different tracking parameters. canonicalUrl strips
 * them (and the #fragment, which never reaches the server), lower-cases scheme
 * and host, drops default ports and an empty "?", and keeps every other
 * parameter as written and in its order (order can matter to the server).
 */

/** Parameters that only say where a click came from. Compared lower-case. */
const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "igshid", "srsltid",
  "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
  "ref_src", "ref_url",
]);

/**
 * `ref` is a tracking tag on news sites (?ref=rss, ?ref=twitter, ?ref=example.com)
 * but a real parameter elsewhere (a Git branch: ?ref=main). Only the former go.
 */
const REFERRER_WORDS =
  /^(?:rss|feed|feeds|feedly|twitter|tw|x|fb|facebook|instagram|linkedin|reddit|hn|hackernews|newsletter|email|mail|share|social|sharebar|homepage|home|nav|search|google|bing|yahoo|msn|flipboard|telegram|whatsapp|push|app|widget)$/i;
const DOMAIN_LIKE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i;

export function canonicalUrl(url: string): string {
  const input = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return input;
  }
  // URL has already lower-cased scheme and host and dropped a default port.
  parsed.hash = "";
  if (parsed.protocol === "http:" || parsed.protocol === "https:") {
    const kept = parsed.search
      .slice(1)
      .split("&")
      .filter((pair) => pair !== "" && !isTracking(pair));
    parsed.search = kept.length > 0 ? `?${kept.join("&")}` : "";
  }
  // An empty query still serialises as a trailing "?" when the input had one.
  return parsed.href.replace(/\?$/, "");
}

function isTracking(pair: string): boolean {
  const eq = pair.indexOf("=");
  const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
  if (key.startsWith("utm_")) return true;
  if (TRACKING_PARAMETERS.has(key)) return true;
  if (key === "ref") {
    const value = safeDecode(eq === -1 ? "" : pair.slice(eq + 1));
    return REFERRER_WORDS.test(value) || DOMAIN_LIKE.test(value);
  }
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
