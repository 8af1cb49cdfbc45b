import { ApiError } from './api';
import { type Child, h } from './dom';
import { button, errorSummary, type FieldError } from './govuk';

/** What a form's submit does: resolves when done, or with the errors to show against its fields. */
export type Submit = (data: FormData, form: HTMLFormElement) => Promise<FieldError[] | undefined>;

/** An input's id from its name: the field a problem from the API is about, for the error summary to link to. */
function fieldFor(form: HTMLFormElement, problem: string): string | null {
  const name = /^(?:body\.)?([\w.-]+?)(?:\.\d+)?: /.exec(problem)?.[1]?.split('.').at(-1);
  const input = name ? (form.querySelector(`[name="${name}"], [name="${name}-day"]`) as HTMLElement | null) : null;
  return input?.id || null;
}

/** Marks each field with its error, as the GOV.UK pattern does: a message above it, a red border beside it. */
function markFields(form: HTMLFormElement, errors: FieldError[]): void {
  for (const error of errors) {
    const input = form.querySelector(`#${CSS.escape(error.field)}`);
    const group = input?.closest('.govuk-form-group:not(.govuk-date-input__item .govuk-form-group)') ?? input?.closest('.govuk-form-group');
    if (!input || !group) continue;
    group.classList.add('govuk-form-group--error');
    const message = h(
      'p',
      { class: 'govuk-error-message', id: `${error.field}-error` },
      h('span', { class: 'govuk-visually-hidden' }, 'Error: '),
      error.message,
    );
    const label = group.querySelector('legend, label');
    label?.after(message);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${message.id}`.trim());
  }
}

function clearErrors(form: HTMLFormElement): void {
  for (const each of form.querySelectorAll('.govuk-error-summary, .govuk-error-message')) each.remove();
  for (const each of form.querySelectorAll('.govuk-form-group--error')) each.classList.remove('govuk-form-group--error');
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
        summary.setAttribute('tabindex', '-1');
        summary.focus();
      });
  });
  return element;
}

/** A form field's text, trimmed. */
export const text = (data: FormData, name: string) => String(data.get(name) ?? '').trim();
