import type { ReportView } from '../../functions/commons/office-views';
import type { LedgerEntry, ReportListing, ReviewItem } from '../../functions/commons/reports-table';
import type { UploadStatus } from '../../functions/commons/upload-requests';
import type { UploadLink } from '../../functions/commons/uploads-bucket';
import type { LocalPolicingBody } from '../../shared/configuration';
import type { SuppressedRecipient } from '../../shared/directory';
import type { ObligationSummary } from '../../shared/obligation-state';

/** The answers the page reads, as the API's own types say (type-only: nothing of the server is bundled). */
export interface Me {
  email: string;
  admin: boolean;
  bodies: Array<
    LocalPolicingBody & {
      retired: { on: string; reason: string } | null;
      suppressed: SuppressedRecipient[];
      calendarUrl: string | null;
      spreadsheetUrl: string;
    }
  >;
}

export type { LedgerEntry, ObligationSummary, ReportListing, ReportView, ReviewItem, UploadLink, UploadStatus };
