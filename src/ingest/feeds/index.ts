export { parseFeed } from "./parse.ts";
export { discoverFeeds, type DiscoveredFeed } from "./discover.ts";
export { looksLikeFeed } from "./sniff.ts";
export { buildOpml, parseOpml, OpmlParseError, type OpmlSource, type OpmlSubscription } from "./opml.ts";
export { FeedParseError, type FeedFormat, type FeedItem, type ParsedFeed } from "./types.ts";
