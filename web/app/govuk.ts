import { formatLongDate, isCalendarDate } from '../../shared/calendar-date';
import type { Status } from '../../shared/obligation-status';
import { type Child, h, uniqueId } from './dom';

/** GOV.UK Design System components, built as their templates build them. */

export const TAG_COLOURS: Record<Status['urgency'], string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--yellow',
  green: 'govuk-tag--green',
  grey: 'govuk-tag--grey',
};

export const statusTag = (status: Pick<Status, 'urgency' | 'label'>) =>
  // A long label ("Needs its publication date") wraps inside GOV.UK's tag width rather than running out of it.
  h('strong', { class: `govuk-tag ${TAG_COLOURS[status.urgency]}` }, status.label);

export const longDate = (date: string | null | undefined, otherwise = 'Not known') => (date ? formatLongDate(date) : otherwise);

const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A date in a table, where a weekday would make every cell wrap: "1 May 2019". */
export const tableDate = (date: string | null | undefined, otherwise = 'Not known') => (date ? dateOnly.format(new Date(`${date}T00:00:00Z`)) : otherwise);

export function heading(text: Child, caption?: string) {
  return h('h1', { class: 'govuk-heading-l' }, caption ? h('span', { class: 'govuk-caption-l' }, caption) : null, text);
}

export const paragraph = (...children: Child[]) => h('p', { class: 'govuk-body' }, ...children);

export const link = (href: string, text: Child, attributes: Record<string, string> = {}) => h('a', { class: 'govuk-link', href, ...attributes }, text);

export function button(
  text: string,
  attributes: Record<string, string | boolean | ((event: Event) => void) | undefined> = {},
  kind: '' | 'secondary' | 'warning' = '',
) {
  return h('button', { type: 'submit', class: `govuk-button${kind ? ` govuk-button--${kind}` : ''}`, 'data-module': 'govuk-button', ...attributes }, text);
}

/** An error to show against a field, and in the summary at the top of the page. */
export interface FieldError {
  /** The id of the input the summary links to. */
  field: string;
  message: string;
}

export function errorSummary(errors: FieldError[], otherwise?: string) {
  return h(
    'div',
    { class: 'govuk-error-summary', 'data-module': 'govuk-error-summary' },
    h(
      'div',
      { role: 'alert' },
      h('h2', { class: 'govuk-error-summary__title' }, 'There is a problem'),
      h(
        'div',
        { class: 'govuk-error-summary__body' },
        h(
          'ul',
          { class: 'govuk-list govuk-error-summary__list' },
          ...errors.map((error) => h('li', {}, link(`#${error.field}`, error.message))),
          otherwise ? h('li', {}, otherwise) : null,
        ),
      ),
    ),
  );
}

interface FieldOptions {
  label: string;
  hint?: string;
  error?: string;
  /** The label as the page's heading, for a page with one question. */
  labelClass?: string;
}

function formGroup(id: string, options: FieldOptions, control: (described: string | undefined) => HTMLElement) {
  const hintId = options.hint ? `${id}-hint` : undefined;
  const errorId = options.error ? `${id}-error` : undefined;
  const described = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return h(
    'div',
    { class: `govuk-form-group${options.error ? ' govuk-form-group--error' : ''}` },
    h('label', { class: `govuk-label ${options.labelClass ?? ''}`.trim(), for: id }, options.label),
    options.hint ? h('div', { class: 'govuk-hint', id: hintId }, options.hint) : null,
    options.error ? h('p', { class: 'govuk-error-message', id: errorId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), options.error) : null,
    control(described),
  );
}

export function textInput(
  name: string,
  options: FieldOptions & { id?: string; type?: string; autocomplete?: string; value?: string; width?: string; spellcheck?: boolean },
) {
  const id = options.id ?? uniqueId(name);
  return formGroup(id, options, (described) =>
    h('input', {
      class: `govuk-input${options.width ? ` govuk-input--width-${options.width}` : ''}${options.error ? ' govuk-input--error' : ''}`,
      id,
      name,
      type: options.type ?? 'text',
      autocomplete: options.autocomplete,
      value: options.value,
      spellcheck: options.spellcheck === false ? 'false' : undefined,
      'aria-describedby': described,
    }),
  );
}

export function textarea(name: string, options: FieldOptions & { id?: string; value?: string; rows?: number }) {
  const id = options.id ?? uniqueId(name);
  return formGroup(id, options, (described) => {
    const area = h('textarea', {
      class: `govuk-textarea${options.error ? ' govuk-textarea--error' : ''}`,
      id,
      name,
      rows: options.rows ?? 3,
      'aria-describedby': described,
    });
    area.value = options.value ?? '';
    return area;
  });
}

export function select(name: string, options: FieldOptions & { id?: string; choices: Array<{ value: string; text: string }>; value?: string }) {
  const id = options.id ?? uniqueId(name);
  return formGroup(id, options, (described) =>
    h(
      'select',
      { class: 'govuk-select', id, name, 'aria-describedby': described },
      ...options.choices.map((choice) => h('option', { value: choice.value, selected: choice.value === options.value }, choice.text)),
    ),
  );
}

/** Radios or checkboxes in a fieldset whose legend asks the question. */
export function choices(
  kind: 'radio' | 'checkbox',
  name: string,
  options: {
    legend: string;
    hint?: string;
    error?: string;
    items: Array<{ value: string; text: string; hint?: string }>;
    checked?: readonly string[];
    small?: boolean;
  },
) {
  const base = uniqueId(name);
  const hintId = options.hint ? `${base}-hint` : undefined;
  const errorId = options.error ? `${base}-error` : undefined;
  const css = kind === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return h(
    'div',
    { class: `govuk-form-group${options.error ? ' govuk-form-group--error' : ''}` },
    h(
      'fieldset',
      { class: 'govuk-fieldset', 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, options.legend),
      options.hint ? h('div', { class: 'govuk-hint', id: hintId }, options.hint) : null,
      options.error ? h('p', { class: 'govuk-error-message', id: errorId }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), options.error) : null,
      h(
        'div',
        { class: `${css}${options.small ? ` ${css}--small` : ''}`, 'data-module': css },
        ...options.items.map((item, index) => {
          const id = index === 0 ? base : `${base}-${index + 1}`;
          return h(
            'div',
            { class: `${css}__item` },
            h('input', { class: `${css}__input`, id, name, type: kind, value: item.value, checked: options.checked?.includes(item.value) }),
            h('label', { class: `govuk-label ${css}__label`, for: id }, item.text),
            item.hint ? h('div', { class: `govuk-hint ${css}__hint` }, item.hint) : null,
          );
        }),
      ),
    ),
  );
}

/** The GOV.UK date input: day, month and year, read back as YYYY-MM-DD. */
export function dateInput(name: string, options: { legend: string; hint?: string; error?: string; value?: string | null }) {
  const base = uniqueId(name);
  const [year, month, day] = (options.value ?? '').split('-');
  const part = (suffix: 'day' | 'month' | 'year', label: string, value: string | undefined, width: string) =>
    h(
      'div',
      { class: 'govuk-date-input__item' },
      h(
        'div',
        { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-date-input__label', for: suffix === 'day' ? base : `${base}-${suffix}` }, label),
        h('input', {
          class: `govuk-input govuk-date-input__input govuk-input--width-${width}${options.error ? ' govuk-input--error' : ''}`,
          id: suffix === 'day' ? base : `${base}-${suffix}`,
          name: `${name}-${suffix}`,
          type: 'text',
          inputmode: 'numeric',
          value: value ? String(Number(value)) : undefined,
        }),
      ),
    );
  return h(
    'div',
    { class: `govuk-form-group${options.error ? ' govuk-form-group--error' : ''}` },
    h(
      'fieldset',
      {
        class: 'govuk-fieldset',
        role: 'group',
        'aria-describedby': [options.hint ? `${base}-hint` : '', options.error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined,
      },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, options.legend),
      options.hint ? h('div', { class: 'govuk-hint', id: `${base}-hint` }, options.hint) : null,
      options.error
        ? h('p', { class: 'govuk-error-message', id: `${base}-error` }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), options.error)
        : null,
      h(
        'div',
        { class: 'govuk-date-input', id: `${base}-date` },
        part('day', 'Day', day, '2'),
        part('month', 'Month', month, '2'),
        part('year', 'Year', year, '4'),
      ),
    ),
  );
}

/** The date a date input holds, '' when all three are empty, or null when what is written is not a real date. */
export function dateFrom(form: FormData, name: string): string | null {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => String(form.get(`${name}-${part}`) ?? '').trim());
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return null;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

export function summaryList(rows: Array<[string, Child]>) {
  return h(
    'dl',
    { class: 'govuk-summary-list' },
    ...rows.map(([key, value]) =>
      h(
        'div',
        { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, key),
        h('dd', { class: 'govuk-summary-list__value' }, value),
      ),
    ),
  );
}

/** A table that becomes labelled rows on a narrow screen (see styles.scss). */
export function table(caption: string, head: string[], rows: Child[][], options: { captionClass?: string } = {}) {
  return h(
    'table',
    { class: 'govuk-table app-table--responsive' },
    h('caption', { class: `govuk-table__caption ${options.captionClass ?? 'govuk-table__caption--m'}` }, caption),
    h(
      'thead',
      { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' }, ...head.map((name) => h('th', { scope: 'col', class: 'govuk-table__header' }, name))),
    ),
    h(
      'tbody',
      { class: 'govuk-table__body' },
      ...rows.map((row) =>
        h(
          'tr',
          { class: 'govuk-table__row' },
          ...row.map((cell, index) => h('td', { class: 'govuk-table__cell app-break-words', 'data-label': head[index] }, cell)),
        ),
      ),
    ),
  );
}

export function details(summary: string, ...children: Child[]) {
  return h(
    'details',
    { class: 'govuk-details' },
    h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, summary)),
    h('div', { class: 'govuk-details__text' }, ...children),
  );
}

export function notificationBanner(title: string, body: Child, success = false) {
  return h(
    'div',
    {
      class: `govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`,
      role: success ? 'alert' : 'region',
      'aria-labelledby': 'notification-title',
      'data-module': 'govuk-notification-banner',
    },
    h('div', { class: 'govuk-notification-banner__header' }, h('h2', { class: 'govuk-notification-banner__title', id: 'notification-title' }, title)),
    h('div', { class: 'govuk-notification-banner__content' }, body),
  );
}

export const insetText = (...children: Child[]) => h('div', { class: 'govuk-inset-text' }, ...children);

export const warningText = (text: string) =>
  h(
    'div',
    { class: 'govuk-warning-text' },
    h('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    h('strong', { class: 'govuk-warning-text__text' }, h('span', { class: 'govuk-visually-hidden' }, 'Warning'), text),
  );
