import { createAll, ErrorSummary, ServiceNavigation, SkipLink } from 'govuk-frontend';
import { ApiError, api, SignedOutError } from './api';
import { h, replace } from './dom';
import { heading, link, paragraph } from './govuk';
import { obligationsPage } from './pages/obligations';
import { reportPage } from './pages/report';
import { forgottenPasswordPage, newPasswordPage, resetPasswordPage, signInPage } from './pages/sign-in';
import { uploadPage } from './pages/upload';
import type { Me } from './types';

/** What every page is given: who is signed in, and how to go elsewhere. */
export interface PageContext {
  me: Me;
  navigate: (path: string) => void;
  /**
   * Draws the page again after a change. The place on it is kept, and focus moves to the element with
   * id `focus` (what was changed), or else to the confirmation at the top.
   */
  refresh: (focus?: string) => void;
}

type Page = (main: HTMLElement, context: PageContext, parameters: Record<string, string>) => Promise<string>;
type PublicPage = (main: HTMLElement, navigate: (path: string) => void) => string;

const PAGES: Array<[RegExp, Page]> = [
  [/^\/$/, obligationsPage],
  [/^\/reports\/(?<reportId>[^/]+)$/, reportPage],
  [/^\/upload$/, uploadPage],
];

const PUBLIC_PAGES: Record<string, PublicPage> = {
  '/sign-in': signInPage,
  '/new-password': newPasswordPage,
  '/forgotten-password': forgottenPasswordPage,
  '/reset-password': resetPasswordPage,
};

const main = document.getElementById('main-content') as HTMLElement;
const navigation = document.getElementById('navigation-list') as HTMLElement;
let me: Me | null = null;
/** The address last drawn, without its fragment: a link within the page changes only the fragment. */
let drawn: string | null = null;

/** What happens to focus and scrolling once a page is drawn. */
type Arrival = { kind: 'first' } | { kind: 'new-page' } | { kind: 'refresh'; focus?: string };

function navigate(path: string): void {
  history.pushState(null, '', path);
  void render({ kind: 'new-page' });
}

async function signOut(): Promise<void> {
  await api('POST', '/session/sign-out', {});
  me = null;
  navigate('/sign-in');
}

function drawNavigation(path: string): void {
  const items: Array<[string, string]> = me
    ? [
        ['/', 'What we owe'],
        ['/upload', 'Upload a report'],
      ]
    : [];
  // Signed out there is nothing to navigate to, so not even an empty menu.
  (navigation.closest('nav') as HTMLElement).hidden = !me;
  replace(
    navigation,
    ...items.map(([href, text]) => {
      const current = href === path;
      return h(
        'li',
        { class: `govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}` },
        h(
          'a',
          { class: 'govuk-service-navigation__link', href, 'aria-current': current ? 'page' : undefined },
          current ? h('strong', { class: 'govuk-service-navigation__active-fallback' }, text) : text,
        ),
      );
    }),
    me
      ? h(
          'li',
          { class: 'govuk-service-navigation__item' },
          h(
            'a',
            {
              class: 'govuk-service-navigation__link',
              href: '/sign-in',
              onclick: (event: Event) => {
                event.preventDefault();
                void signOut();
              },
            },
            `Sign out (${me.email})`,
          ),
        )
      : null,
  );
}

function notFound(): string {
  replace(
    main,
    heading('Page not found'),
    paragraph('If you typed the web address, check it is correct. If you pasted it, check you copied all of it.'),
    paragraph(link('/', 'Go to what your office owes')),
  );
  return 'Page not found';
}

/** Where focus goes once a page is drawn: a new page from its content's start, a change to what it changed. */
function arrive(arrival: Arrival, scrolledTo: number): void {
  if (arrival.kind === 'first') return;
  if (arrival.kind === 'new-page') {
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    return;
  }
  window.scrollTo(0, scrolledTo);
  const target = (arrival.focus && document.getElementById(arrival.focus)) || main.querySelector<HTMLElement>('.govuk-notification-banner') || main;
  if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: target === main });
  if (target !== main) target.scrollIntoView({ block: 'nearest' });
}

/** Draws the page the address names; one that needs a session sends a person without one to sign in. */
async function render(arrival: Arrival): Promise<void> {
  const path = location.pathname;
  const scrolledTo = window.scrollY;
  drawn = path + location.search;
  const publicPage = PUBLIC_PAGES[path];
  try {
    if (publicPage) {
      me = null;
      drawNavigation(path);
      document.title = `${publicPage(main, navigate)} – FiftySix`;
    } else {
      me ??= await api<Me>('GET', '/me');
      drawNavigation(path);
      const match = PAGES.map(([pattern, page]) => [pattern.exec(path), page] as const).find(([found]) => found);
      if (!match) {
        document.title = `${notFound()} – FiftySix`;
      } else {
        const context = { me, navigate, refresh: (focus?: string) => void render({ kind: 'refresh', focus }) };
        document.title = `${await match[1](main, context, match[0]!.groups ?? {})} – FiftySix`;
      }
    }
  } catch (error) {
    if (error instanceof SignedOutError) {
      me = null;
      if (path !== '/sign-in') history.replaceState(null, '', `/sign-in?next=${encodeURIComponent(path + location.search)}`);
      drawNavigation('/sign-in');
      document.title = `${signInPage(main, navigate)} – FiftySix`;
      return;
    }
    if (error instanceof ApiError && error.status === 404) {
      document.title = `${notFound()} – FiftySix`;
    } else {
      replace(
        main,
        heading('Sorry, there is a problem with the service'),
        paragraph((error as Error).message),
        paragraph(link(location.pathname + location.search, 'Try again')),
      );
      document.title = 'Sorry, there is a problem – FiftySix';
      // Not the API's answer but a fault of the page's own: reported as uncaught, for the console and the tests.
      if (!(error instanceof ApiError)) reportError(error);
    }
  }
  createAll(ErrorSummary, undefined, main);
  arrive(arrival, scrolledTo);
}

// What GOV.UK's page template does in an inline script, which this page's content security policy does not run.
document.body.classList.add('js-enabled', ...('noModule' in HTMLScriptElement.prototype ? ['govuk-frontend-supported'] : []));
createAll(ServiceNavigation);
createAll(SkipLink);

// Links within the page are followed without reloading it; downloads and other sites are left to the browser.
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element).closest('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download') || event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || (url.hash && url.pathname === location.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
// Following a link within the page changes only the fragment, which fires popstate too: nothing to draw then.
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== drawn) void render({ kind: 'new-page' });
});
void render({ kind: 'first' });
