import { SESSION_COOKIE } from '../functions/api/authentication';

/**
 * The code of the two CloudFront Functions (JavaScript runtime 2.0) in front of the office's page and
 * API. Kept as text here, the only place it is written, so the stack deploys it and a test runs it.
 */

/**
 * On the page's behaviour: every address within the page (a report's, the upload page) is the page
 * itself, whose script draws what the address names; its assets are served as they are.
 */
export const PAGE_REQUEST_FUNCTION = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('/assets/') !== 0) request.uri = '/index.html';
  return request;
}`;

/**
 * On the API's behaviour: the page's session travels in an HttpOnly cookie, which its script cannot
 * read; this puts it where API Gateway's JWT authorizer looks, the Authorization header. A request that
 * brings its own header (the CLI, a script) keeps it. The address the person used is passed on, so
 * the API's links (calendar feeds, reminders) name the page's address rather than API Gateway's.
 */
export const API_REQUEST_FUNCTION = `function handler(event) {
  var request = event.request;
  var session = request.cookies['${SESSION_COOKIE}'];
  if (session && session.value && !request.headers['authorization']) {
    request.headers['authorization'] = { value: 'Bearer ' + session.value };
  }
  request.headers['x-forwarded-host'] = { value: request.headers['host'].value };
  return request;
}`;
