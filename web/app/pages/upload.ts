import { api } from '../api';
import { h, replace } from '../dom';
import { ADVANCE_COPY_HINT, checkedDate, form, latestPublicationDate } from '../forms';
import { dateFrom, dateInput, heading, insetText, link, longDate, paragraph, warningText } from '../govuk';
import { KIND_NAMES, UNRECOGNISED_BUT_OWED, unrecognisedNotOwed } from '../labels';
import type { PageContext } from '../main';
import type { UploadLink, UploadStatus } from '../types';

/** How long to wait for a report to be read before saying it is taking a while. */
const READING_WAIT_MS = 60_000;

async function readingOutcome(uploadId: string, shown: HTMLElement): Promise<UploadStatus> {
  const deadline = Date.now() + READING_WAIT_MS;
  for (;;) {
    const status = await api<UploadStatus>('GET', `/uploads/${encodeURIComponent(uploadId)}`);
    if (status.state !== 'waiting' || Date.now() > deadline) return status;
    replace(shown, paragraph('Uploaded. FiftySix is reading it…'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Upload a report that HMICFRS published: straight to the bucket through a link the API signs, then what it was read as. */
export async function uploadPage(main: HTMLElement, _context: PageContext): Promise<string> {
  const outcome = h('div', { 'aria-live': 'polite' });
  replace(
    main,
    heading('Upload a report'),
    paragraph(
      'Upload the report as HMICFRS published it: PDF, Word (DOCX), a saved web page (HTML) or text. FiftySix reads its recommendations and works out the last day for each body that must answer it.',
    ),
    form(
      {
        submit: 'Upload report',
        onSubmit: async (data, element) => {
          const file = data.get('file');
          const fileInput = element.querySelector('[name="file"]') as HTMLInputElement;
          if (!(file instanceof File) || file.size === 0) return [{ field: fileInput.id, message: 'Choose the report’s file' }];
          // The date is optional: only one given is checked.
          const publishedOn =
            dateFrom(data, 'published') === '' ? '' : checkedDate(data, 'published', element, { label: 'of publication', notAfter: latestPublicationDate() });
          if (typeof publishedOn !== 'string') return [publishedOn];
          const upload = await api<UploadLink & { uploadId: string }>('POST', '/uploads', { fileName: file.name, publishedOn: publishedOn || null });
          replace(outcome, paragraph('Uploading…'));
          const sent = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file });
          if (!sent.ok) {
            replace(outcome);
            return [{ field: fileInput.id, message: `The file could not be uploaded (${sent.status}): try again` }];
          }
          const status = await readingOutcome(upload.uploadId, outcome);
          element.reset();
          if (status.state === 'waiting') {
            replace(outcome, insetText('It is taking longer than usual to read. It will appear in ', link('/', 'what you owe'), ' once read.'));
          } else if (status.state === 'failed') {
            replace(outcome, warningText(`FiftySix could not read ${status.fileName}: ${status.report.failure?.message ?? 'no reason was recorded'}`));
          } else {
            const { report } = status;
            const name = report.title ?? status.fileName;
            replace(
              outcome,
              h('h2', { class: 'govuk-heading-m' }, 'Uploaded and read'),
              paragraph(status.mayOpen ? link(`/reports/${encodeURIComponent(report.id)}`, name) : name),
              paragraph(report.kind ? `${KIND_NAMES[report.kind]}. ` : '', report.publishedOn ? `Published ${longDate(report.publishedOn)}.` : ''),
              status.owedByYou
                ? paragraph(
                    report.publishedOn
                      ? `The last day to publish your response is ${longDate(report.responseDueOn)}.`
                      : 'It states no publication date: give it on the report’s page, and the 56 days are counted from it.',
                  )
                : status.review === 'unrecognised-upload'
                  ? warningText(unrecognisedNotOwed(status.owedByAnyone))
                  : insetText('None of your bodies owes a response to it, so it is not in your list.'),
              report.kind === 'other' && status.owedByYou ? warningText(UNRECOGNISED_BUT_OWED) : null,
            );
          }
          // The button was disabled while the file was read; focus goes to what became of it.
          const said = outcome.firstElementChild as HTMLElement | null;
          said?.setAttribute('tabindex', '-1');
          said?.focus();
          return undefined;
        },
      },
      h(
        'div',
        { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label', for: 'file' }, 'The report'),
        h('input', { class: 'govuk-file-upload', id: 'file', name: 'file', type: 'file', accept: '.pdf,.docx,.html,.htm,.txt,.md,application/pdf' }),
      ),
      dateInput('published', {
        legend: 'When did HMICFRS publish it? (optional)',
        hint: `The 56 days run from this date. Leave it empty to use the date the report states. ${ADVANCE_COPY_HINT}`,
      }),
    ),
    outcome,
  );
  return 'Upload a report';
}
