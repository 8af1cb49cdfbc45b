import { ErrorSummary } from 'govuk-frontend';
import { addDays } from '../../shared/calendar-date';
import { ADVANCE_COPY_DAYS } from '../../shared/deadlines';
import { ApiError } from './api';
import { type Child, h } from './dom';
import { button, dateFrom, errorSummary, type FieldError, longDate } from './govuk';

/** What a form's submit does: resolves when done, or with the errors to show against its fields. */
export type Submit = (data: FormData, form: HTMLFormElement) => Promise<FieldError[] | undefined>;

/** An input's id from its name: the field a problem from the API is about, for the error summary to link to. */
function fieldFor(form: HTMLFormElement, problem: string): string | null {
  const name = /^(?:body\.)?([\w.-]+?)(?:\.\d+)?: /.exec(problem)?.[1]?.split('.').at(-1);
  const input = name ? (form.querySelector(`[name="${name}"], [name="${name}-day"]`) as HTMLElement | null) : null;
  return input?.id || null;
}

/** The id of the form's control named `name` (a date input's day), for an error to link to. */
export const idOf = (form: HTMLFormElement, name: string) => (form.querySelector(`[name="${name}"], [name="${name}-day"]`) as HTMLElement | null)?.id ?? '';

const ERROR_CLASSES: Record<string, string> = {
  'govuk-input': 'govuk-input--error',
  'govuk-textarea': 'govuk-textarea--error',
  'govuk-select': 'govuk-select--error',
  'govuk-file-upload': 'govuk-file-upload--error',
};

function controlsOf(group: Element): Element[] {
  return [
    ...group.querySelectorAll(
      Object.keys(ERROR_CLASSES)
        .map((name) => `.${name}`)
        .join(', '),
    ),
  ];
}

/**
 * Marks each field with its error, as the GOV.UK pattern does: the message under the label and hint,
 * the group's red bar, and a red border on the control (each part of a date).
 */
function markFields(form: HTMLFormElement, errors: FieldError[]): void {
  for (const error of errors) {
    const input = form.querySelector(`#${CSS.escape(error.field)}`);
    const group = input?.closest('.govuk-form-group:not(.govuk-date-input__item .govuk-form-group)') ?? input?.closest('.govuk-form-group');
    if (!input || !group || group.classList.contains('govuk-form-group--error')) continue;
    group.classList.add('govuk-form-group--error');
    const message = h(
      'p',
      { class: 'govuk-error-message', id: `${error.field}-error` },
      h('span', { class: 'govuk-visually-hidden' }, 'Error: '),
      error.message,
    );
    const before = group.querySelector(':scope > .govuk-hint, :scope > fieldset > .govuk-hint') ?? group.querySelector('legend, label');
    before?.after(message);
    for (const control of controlsOf(group)) {
      const kind = Object.keys(ERROR_CLASSES).find((name) => control.classList.contains(name));
      if (kind) control.classList.add(ERROR_CLASSES[kind]!);
    }
    const described = group.querySelector('fieldset') ?? input;
    described.setAttribute('aria-describedby', `${described.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim());
  }
}

function clearErrors(form: HTMLFormElement): void {
  for (const each of form.querySelectorAll('.govuk-error-summary, .govuk-error-message')) {
    for (const described of form.querySelectorAll(`[aria-describedby~="${CSS.escape(each.id)}"]`)) {
      const rest = (described.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== each.id);
      if (rest.length > 0) described.setAttribute('aria-describedby', rest.join(' '));
      else described.removeAttribute('aria-describedby');
    }
    each.remove();
  }
  for (const each of form.querySelectorAll('.govuk-form-group--error')) each.classList.remove('govuk-form-group--error');
  for (const name of Object.values(ERROR_CLASSES)) for (const each of form.querySelectorAll(`.${name}`)) each.classList.remove(name);
}

/**
 * A form that sends itself with script: its button is disabled while the request is in flight, and
 * what went wrong is shown in an error summary at the top of the form, focused, and against each field.
 */
export function form(options: { submit: string; onSubmit: Submit; kind?: '' | 'secondary' | 'warning'; label?: string }, ...fields: Child[]): HTMLFormElement {
  const submit = button(options.submit, {}, options.kind ?? '');
  const element = h('form', { novalidate: true, 'aria-label': options.label }, ...fields, submit);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(element);
    submit.setAttribute('disabled', '');
    submit.setAttribute('aria-disabled', 'true');
    void options
      .onSubmit(new FormData(element), element)
      .then(
        (errors) => errors ?? [],
        (error: unknown) => {
          if (!(error instanceof ApiError)) throw error;
          const fromApi = error.problems.flatMap((problem) => {
            const field = fieldFor(element, problem);
            return field ? [{ field, message: problem.replace(/^[^:]+: /, '') }] : [];
          });
          return fromApi.length > 0 ? fromApi : [{ field: '', message: error.message }];
        },
      )
      .then((errors) => {
        submit.removeAttribute('disabled');
        submit.removeAttribute('aria-disabled');
        if (errors.length === 0) return;
        const linked = errors.filter((error) => error.field);
        const summary = errorSummary(linked, errors.find((error) => !error.field)?.message);
        element.prepend(summary);
        markFields(element, linked);
        // GOV.UK's script focuses the summary, and makes each of its links move to the field and its label.
        new ErrorSummary(summary);
      });
  });
  return element;
}

/** A form field's text, trimmed. */
export const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();

/** A form of one field a person must fill in or choose: the request made from its value, or the error to show against it. */
export const required =
  <T>(name: string, message: string, request: (value: string) => T) =>
  (data: FormData, form: HTMLFormElement): T | FieldError[] => {
    const value = text(data, name);
    return value ? request(value) : [{ field: idOf(form, name), message }];
  };

/**
 * A date typed into a date input, or the error to show against it, in the GOV.UK pattern's words:
 * missing, not a real date, after the latest it can be (today for what has happened), or before the earliest.
 */
export function checkedDate(
  data: FormData,
  name: string,
  form: HTMLFormElement,
  what: { label: string; notAfter?: string; notBefore?: { date: string; because: string } },
): string | FieldError {
  const date = dateFrom(data, name);
  const field = idOf(form, name);
  if (date === '') return { field, message: `Enter the date ${what.label}` };
  if (date === null) return { field, message: `The date ${what.label} must be a real date, for example 27 3 2024` };
  if (what.notAfter && date > what.notAfter)
    return {
      field,
      message: `The date ${what.label} must be ${what.notAfter === londonToday() ? 'today or in the past' : `on or before ${longDate(what.notAfter)}`}`,
    };
  if (what.notBefore && date < what.notBefore.date)
    return { field, message: `The date ${what.label} must be on or after ${longDate(what.notBefore.date)}, ${what.notBefore.because}` };
  return date;
}

/** Today in London, as the API counts days. */
export const londonToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/** The latest publication date a person may give: a copy HMICFRS shared ahead of publication is dated ahead. */
export const latestPublicationDate = () => addDays(londonToday(), ADVANCE_COPY_DAYS);

export const ADVANCE_COPY_HINT = `A copy HMICFRS shared before publication is dated on the day it will be published, at most ${ADVANCE_COPY_DAYS} days ahead.`;
