import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_REQUEST_FUNCTION, PAGE_REQUEST_FUNCTION } from '../../infra/page-functions';

interface ViewerRequest {
  uri: string;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}

/** Runs a CloudFront Function's code as CloudFront does: its handler, given the viewer-request event. */
function run(code: string, request: ViewerRequest): ViewerRequest {
  return runInNewContext(`${code}\nhandler(event)`, { event: { request: structuredClone(request) } });
}

const request = (overrides: Partial<ViewerRequest>): ViewerRequest => ({
  uri: '/',
  headers: { host: { value: 'd111.cloudfront.net' } },
  cookies: {},
  ...overrides,
});

describe('the CloudFront functions in front of the page and the API', () => {
  it('serves the page for every address within it, and assets as they are', () => {
    expect(run(PAGE_REQUEST_FUNCTION, request({ uri: '/reports/abc' })).uri).toBe('/index.html');
    expect(run(PAGE_REQUEST_FUNCTION, request({ uri: '/' })).uri).toBe('/index.html');
    expect(run(PAGE_REQUEST_FUNCTION, request({ uri: '/assets/app-0123.js' })).uri).toBe('/assets/app-0123.js');
  });

  it('puts the session cookie where the JWT authorizer looks, keeps a request’s own token, and passes on the page’s address', () => {
    const fromPage = run(API_REQUEST_FUNCTION, request({ uri: '/api/me', cookies: { fiftysix_session: { value: 'header.payload.signature' } } }));
    expect(fromPage.headers.authorization).toEqual({ value: 'Bearer header.payload.signature' });
    expect(fromPage.headers['x-forwarded-host']).toEqual({ value: 'd111.cloudfront.net' });
    const fromScript = run(
      API_REQUEST_FUNCTION,
      request({
        headers: { host: { value: 'd111.cloudfront.net' }, authorization: { value: 'Bearer mine' } },
        cookies: { fiftysix_session: { value: 'other' } },
      }),
    );
    expect(fromScript.headers.authorization).toEqual({ value: 'Bearer mine' });
    expect(run(API_REQUEST_FUNCTION, request({})).headers.authorization).toBeUndefined();
  });
});
