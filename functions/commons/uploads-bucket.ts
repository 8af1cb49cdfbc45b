import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export interface Upload {
  bytes: Uint8Array;
  /** User metadata (x-amz-meta-*), with lower-case names as S3 returns them. */
  metadata: Record<string, string>;
}

export class UploadTooLargeError extends Error {
  readonly code = 'too-large';
  constructor(
    readonly sizeBytes: number,
    readonly maxBytes: number,
  ) {
    super(
      `The upload is ${(sizeBytes / 1_048_576).toFixed(1)} MB, over the ${(maxBytes / 1_048_576).toFixed(0)} MB limit: upload the report without appendices, or raise MAX_DOCUMENT_BYTES`,
    );
    this.name = 'UploadTooLargeError';
  }
}

/** The S3 adapter: reads an uploaded report, refusing to load one over the size limit into memory. */
export class UploadsBucket {
  constructor(private readonly client: S3Client) {}

  /** Reads the version of the object an event names (the bucket is versioned), or the latest where there is none. */
  async readUpload(object: { bucket: string; key: string; versionId: string | null }, maxBytes: number): Promise<Upload> {
    const response = await this.client.send(
      new GetObjectCommand({ Bucket: object.bucket, Key: object.key, ...(object.versionId ? { VersionId: object.versionId } : {}) }),
    );
    const size = response.ContentLength ?? 0;
    if (size > maxBytes) {
      await response.Body?.transformToWebStream().cancel();
      throw new UploadTooLargeError(size, maxBytes);
    }
    const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
    return { bytes, metadata: response.Metadata ?? {} };
  }
}
