import { api } from '../api';
import { h, replace } from '../dom';
import { form } from '../forms';
import { dateFrom, dateInput, heading, insetText, link, longDate, paragraph, warningText } from '../govuk';
import { KIND_NAMES } from '../labels';
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
          const publishedOn = dateFrom(data, 'published');
          if (publishedOn === null)
            return [
              {
                field: (element.querySelector('[name="published-day"]') as HTMLElement).id,
                message: 'The publication date must be a real date, for example 7 3 2024',
              },
            ];
          const upload = await api<UploadLink & { uploadId: string }>('POST', '/uploads', { fileName: file.name, publishedOn: publishedOn || null });
          replace(outcome, paragraph('Uploading…'));
          const sent = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file });
          if (!sent.ok) {
            replace(outcome);
            return [{ field: fileInput.id, message: `The file could not be uploaded (${sent.status}): try again` }];
          }
          const status = await readingOutcome(upload.uploadId, outcome);
          if (status.state === 'waiting') {
            replace(outcome, insetText('It is taking longer than usual to read. It will appear in ', link('/', 'what you owe'), ' once read.'));
          } else if (status.state === 'failed') {
            replace(outcome, warningText(`FiftySix could not read ${status.fileName}: ${status.report.failure?.message ?? 'no reason was recorded'}`));
          } else {
            const { report } = status;
            replace(
              outcome,
              h('h2', { class: 'govuk-heading-m' }, 'Uploaded and read'),
              paragraph(link(`/reports/${encodeURIComponent(report.id)}`, report.title ?? status.fileName)),
              paragraph(
                report.kind ? `${KIND_NAMES[report.kind]}. ` : '',
                report.publishedOn
                  ? `Published ${longDate(report.publishedOn)}; the last day to respond is ${longDate(report.responseDueOn)}.`
                  : 'It states no publication date: give it on the report’s page.',
                report.status === 'no-duty' ? ' None of your bodies owes a response to it.' : '',
              ),
            );
          }
          element.reset();
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
        hint: 'The 56 days run from this date. Leave it empty to use the date the report states.',
      }),
    ),
    outcome,
  );
  return 'Upload a report';
}
