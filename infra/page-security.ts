/**
 * The headers every answer from FiftySix's origin carries, the page's and the API's: the same in
 * CloudFront's response headers policy and on the local server. The content security policy runs
 * only the page's own script and styles (no inline script or style), and lets it talk to its own
 * origin and the uploads bucket only.
 */
export function pageSecurityHeaders(uploadsOrigin: string): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self' ${uploadsOrigin}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; '),
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Calendar links carry their secret: no address leaves the page as a referrer.
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
  };
}
