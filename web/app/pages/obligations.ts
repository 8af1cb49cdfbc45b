import { daysLeftText, STATUSES, type Status, statusOf } from '../../../shared/obligation-status';
import { api } from '../api';
import { h, replace } from '../dom';
import { button, heading, insetText, link, paragraph, select, statusTag, table, tableDate, textInput, warningText } from '../govuk';
import { missingText, REVIEW_TEXTS } from '../labels';
import type { PageContext } from '../main';
import type { Me, ObligationSummary, ReviewItem } from '../types';

interface Filters {
  status: string;
  body: string;
  search: string;
}

/** The filters the address keeps; a status it does not know is no filter, as the select then shows. */
function filtersFromAddress(): Filters {
  const query = new URLSearchParams(location.search);
  const status = query.get('status') ?? '';
  return { status: status in STATUSES ? status : '', body: query.get('body') ?? '', search: query.get('search') ?? '' };
}

function matches(row: ObligationSummary, filters: Filters): boolean {
  return (
    (!filters.status || statusOf(row).code === filters.status) &&
    (!filters.body || row.bodyId === filters.body) &&
    (!filters.search || (row.title ?? '').toLowerCase().includes(filters.search.toLowerCase()))
  );
}

/** How to put a body's dates in the calendar its office already uses. */
function calendarSection(me: Me) {
  return h(
    'section',
    { 'aria-labelledby': 'calendar-heading' },
    h('h2', { class: 'govuk-heading-m', id: 'calendar-heading' }, 'Calendar and spreadsheet'),
    ...me.bodies
      .filter((body) => !body.retired)
      .map((body) => {
        const feedId = `calendar-${body.id}`;
        const copied = h('span', { class: 'govuk-body', role: 'status' });
        return h(
          'div',
          { class: 'govuk-!-margin-bottom-6' },
          me.bodies.length > 1 ? h('h3', { class: 'govuk-heading-s' }, body.name) : null,
          body.calendarUrl
            ? [
                h('p', { class: 'govuk-body' }, 'Subscribe to this calendar to see every last day, chief officer’s date and recommendation target:'),
                h('p', { class: 'govuk-body app-calendar-link', id: feedId }, body.calendarUrl),
                h(
                  'p',
                  { class: 'govuk-body' },
                  button(
                    'Copy calendar link',
                    {
                      type: 'button',
                      'aria-label': me.bodies.length > 1 ? `Copy calendar link for ${body.name}` : undefined,
                      onclick: () =>
                        void navigator.clipboard.writeText(body.calendarUrl!).then(
                          () => replace(copied, 'Copied.'),
                          () => replace(copied, 'Select the link above and copy it.'),
                        ),
                    },
                    'secondary',
                  ),
                  ' ',
                  copied,
                ),
                h(
                  'details',
                  { class: 'govuk-details' },
                  h(
                    'summary',
                    { class: 'govuk-details__summary' },
                    h(
                      'span',
                      { class: 'govuk-details__summary-text' },
                      'How to add it to Outlook',
                      me.bodies.length > 1 ? h('span', { class: 'govuk-visually-hidden' }, ` (${body.name})`) : null,
                    ),
                  ),
                  h(
                    'div',
                    { class: 'govuk-details__text' },
                    h(
                      'ol',
                      { class: 'govuk-list govuk-list--number' },
                      h('li', {}, 'In Outlook, open the Calendar.'),
                      h('li', {}, 'Choose Add calendar, then Subscribe from web (in older versions: Add calendar, From internet).'),
                      h('li', {}, 'Paste the link, give the calendar a name such as “Section 55 responses”, and choose Import or OK.'),
                    ),
                    paragraph(
                      'Outlook checks the link every few hours. Keep it to your office: anyone with it can see these dates. An administrator can renew it.',
                    ),
                  ),
                ),
              ]
            : null,
          h(
            'p',
            { class: 'govuk-body' },
            link(body.spreadsheetUrl, `Download spreadsheet${me.bodies.length > 1 ? ` for ${body.name}` : ''}`, { download: '' }),
            ' (CSV, opens in Excel)',
          ),
        );
      }),
  );
}

/** Addresses SES said not to email again: the office must know its reminders no longer reach them. */
function suppressedWarning(body: Me['bodies'][number]) {
  const addresses = body.suppressed.map((each) => `${each.address} (${each.reason === 'bounce' ? 'the address does not exist' : 'marked as spam'})`);
  return warningText(
    `Reminders for ${body.name} no longer go to ${addresses.join(', ')}. Ask an administrator to replace ${addresses.length === 1 ? 'it' : 'them'}.`,
  );
}

function commentsCell(row: ObligationSummary) {
  const late = row.chiefOfficerCommentsDaysLeft !== null && row.chiefOfficerCommentsDaysLeft < 0 && !row.historical && row.state !== 'archived';
  return [
    tableDate(row.chiefOfficerCommentsDueOn, 'Not set'),
    late ? h('span', { class: 'govuk-!-display-block' }, daysLeftText(row.chiefOfficerCommentsDaysLeft)) : null,
  ];
}

function missingCell(row: ObligationSummary) {
  const missing = missingText(row.missing, row.state);
  return missing.length === 0 ? 'Nothing' : h('ul', { class: 'govuk-list govuk-!-margin-bottom-0' }, ...missing.map((each) => h('li', {}, each)));
}

/** For an administrator: what only a person can settle, each with its report's page, where it is settled. */
function reviewSection(waiting: ReviewItem[]) {
  if (waiting.length === 0) return null;
  return h(
    'section',
    { 'aria-labelledby': 'review-heading', class: 'govuk-!-margin-bottom-6' },
    h('h2', { class: 'govuk-heading-m', id: 'review-heading' }, `Waiting for a person (${waiting.length})`),
    h(
      'ul',
      { class: 'govuk-list govuk-list--spaced' },
      ...waiting.map((item) =>
        h(
          'li',
          {},
          link(`/reports/${encodeURIComponent(item.reportId)}`, item.title ?? 'Untitled document'),
          h('span', { class: 'govuk-hint govuk-!-display-block govuk-!-margin-bottom-0' }, `${REVIEW_TEXTS[item.what].said} ${REVIEW_TEXTS[item.what].todo}`),
        ),
      ),
    ),
  );
}

/** What the office owes: every obligation of its bodies, soonest last day first, with filters that the address keeps. */
export async function obligationsPage(main: HTMLElement, { me }: PageContext): Promise<string> {
  // Soonest last day first, as the API sends them; historical reports, past long ago and urgent to nobody, last.
  const [listed, waiting] = await Promise.all([
    api<ObligationSummary[]>('GET', '/obligations'),
    me.admin ? api<ReviewItem[]>('GET', '/review') : Promise.resolve([]),
  ]);
  const rows = [...listed.filter((row) => statusOf(row).code !== 'historical'), ...listed.filter((row) => statusOf(row).code === 'historical')];
  const filters = filtersFromAddress();
  const bodyName = (bodyId: string) => me.bodies.find((body) => body.id === bodyId)?.name ?? bodyId;
  const results = h('div', {});
  const count = h('p', { class: 'govuk-body', role: 'status', 'aria-live': 'polite' });

  const draw = () => {
    const shown = rows.filter((row) => matches(row, filters));
    replace(count, shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? 'report' : 'reports'}` : `Showing ${shown.length} of ${rows.length}`);
    replace(
      results,
      shown.length === 0
        ? insetText(
            rows.length === 0
              ? 'Nothing is owed yet. When a report is uploaded that one of your bodies must answer, it appears here.'
              : 'No report matches these filters.',
          )
        : table(
            'What we owe, soonest last day first',
            [
              'Report',
              ...(me.bodies.length > 1 ? ['Body'] : []),
              'Published',
              'Last day',
              'Time left',
              'Chief officer’s comments due',
              'Still missing',
              'Status',
            ],
            shown.map((row) => [
              h(
                'span',
                {},
                link(`/reports/${encodeURIComponent(row.reportId)}`, row.title ?? 'Untitled report'),
                row.historical ? h('span', { class: 'govuk-hint govuk-!-display-block govuk-!-margin-bottom-0' }, 'Historical: no reminders') : null,
              ),
              ...(me.bodies.length > 1 ? [bodyName(row.bodyId)] : []),
              tableDate(row.publishedOn),
              tableDate(row.responseDueOn, 'Not set'),
              (row.state === 'open' || row.state === 'overdue') && !row.historical ? daysLeftText(row.daysLeft) : '–',
              commentsCell(row),
              missingCell(row),
              statusTag(statusOf(row)),
            ]),
            { captionClass: 'govuk-visually-hidden' },
          ),
    );
  };

  const onFilter = (event: Event) => {
    const data = new FormData((event.currentTarget as HTMLElement).closest('form')!);
    Object.assign(filters, { status: String(data.get('status') ?? ''), body: String(data.get('body') ?? ''), search: String(data.get('search') ?? '').trim() });
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
    history.replaceState(null, '', `/${query.size > 0 ? `?${query}` : ''}`);
    draw();
  };

  const filterForm = h(
    'form',
    {
      class: 'app-filters',
      role: 'search',
      'aria-label': 'Filter the list',
      onsubmit: (event: Event) => {
        event.preventDefault();
        onFilter(event);
      },
      oninput: onFilter,
      onchange: onFilter,
    },
    select('status', {
      id: 'filter-status',
      label: 'Status',
      value: filters.status,
      choices: [{ value: '', text: 'All' }, ...Object.entries(STATUSES).map(([code, status]) => ({ value: code, text: status.label }))],
    }),
    me.bodies.length > 1
      ? select('body', {
          id: 'filter-body',
          label: 'Body',
          value: filters.body,
          choices: [{ value: '', text: 'All bodies' }, ...me.bodies.map((body) => ({ value: body.id, text: body.name }))],
        })
      : null,
    textInput('search', { id: 'filter-search', label: 'Search titles', type: 'search', value: filters.search, width: '20' }),
  );

  // At a glance: how many of each status, in the words the tags use, worst first.
  const counts = new Map<string, { status: Status; count: number }>();
  for (const row of rows) {
    const status = statusOf(row);
    counts.set(status.code, { status, count: (counts.get(status.code)?.count ?? 0) + 1 });
  }
  const order = Object.keys(STATUSES);
  const glance = [...counts.values()].sort((a, b) => order.indexOf(a.status.code) - order.indexOf(b.status.code));

  replace(
    main,
    heading('What we owe', me.bodies.length === 1 ? me.bodies[0]!.name : me.admin ? 'Every body' : undefined),
    glance.length > 0
      ? h(
          'ul',
          { class: 'govuk-list app-glance', 'aria-label': 'At a glance' },
          ...glance.map(({ status, count }) => h('li', {}, statusTag({ ...status, label: `${count} ${status.label.toLowerCase()}` }))),
        )
      : null,
    ...me.bodies.filter((body) => body.suppressed.length > 0 && !body.retired).map(suppressedWarning),
    reviewSection(waiting),
    paragraph(
      'Each report your office must answer under section 55 of the Police Act 1996, with the last day to publish the response. ',
      link('/upload', 'Upload a report'),
      ' that HMICFRS has published.',
    ),
    filterForm,
    count,
    results,
    calendarSection(me),
  );
  draw();
  return 'What we owe';
}
