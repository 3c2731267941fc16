/** The item's picture, from whichever of the many places a feed puts one. */
import type { MediaNs } from "feedsmith";
import { absoluteUrl } from "./urls.ts";

const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

function isImage(content: { url?: string; type?: string; medium?: string }): boolean {
  if (content.medium) return content.medium.toLowerCase() === "image";
  if (content.type) return content.type.toLowerCase().startsWith("image/");
  return content.url !== undefined && IMAGE_PATH.test(content.url);
}

/** media:content (images only), then media:thumbnail, in groups too. */
export function mediaImages(media: MediaNs.ItemOrFeed | undefined): string[] {
  if (!media) return [];
  const urls: string[] = [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => group.contents ?? [])];
  for (const content of contents) if (content.url && isImage(content)) urls.push(content.url);
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...contents.flatMap((content) => content.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((group) => group.thumbnails ?? []),
  ];
  for (const thumbnail of thumbnails) if (thumbnail.url) urls.push(thumbnail.url);
  return urls;
}

/** Enclosures (RSS enclosure, Atom rel=enclosure, JSON attachments) that are pictures. */
export function enclosureImages(enclosures: ReadonlyArray<{ url?: string; type?: string }> | undefined): string[] {
  return (enclosures ?? []).filter((e) => e.url && isImage(e)).map((e) => e.url as string);
}

/** The first candidate that resolves to an absolute http(s) URL. */
export function firstImage(candidates: ReadonlyArray<string | undefined>, base: string | undefined): string | undefined {
  for (const candidate of candidates) {
    const url = absoluteUrl(candidate, base);
    if (url) return url;
  }
  return undefined;
}
