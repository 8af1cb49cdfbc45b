/**
 * The address a link points to, resolved against the page it is on, or null when it is no address
 * ("http://", a host with a space): one mistyped link on a site must not stop the others being read.
 */
export function linkAddress(href: string, pageUrl: string): URL | null {
  return URL.canParse(href, pageUrl) ? new URL(href, pageUrl) : null;
}
