import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

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

/** A link the office's page uploads a report through, without AWS credentials of its own. */
export interface UploadLink {
  url: string;
  method: 'PUT';
  /** Headers the upload must carry as they are: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
}

/** Long enough to choose a file and send it on a slow line; short enough that a leaked link soon stops working. */
const UPLOAD_LINK_SECONDS = 15 * 60;

/** The S3 adapter: reads an uploaded report, refusing to load one over the size limit into memory, and makes upload links. */
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

  /** Puts a document discovery found; the bucket is versioned, so a changed document at the same key is a new version. */
  async putDocument(object: {
    bucket: string;
    key: string;
    bytes: Uint8Array;
    contentType: string;
    metadata: Record<string, string>;
  }): Promise<{ eTag: string }> {
    const { ETag } = await this.client.send(
      new PutObjectCommand({ Bucket: object.bucket, Key: object.key, Body: object.bytes, ContentType: object.contentType, Metadata: object.metadata }),
    );
    return { eTag: (ETag ?? '').replace(/"/g, '') };
  }

  /**
   * A presigned PUT for one object, with its metadata signed in as headers: whoever holds the link can
   * put a file there, but cannot change who it says uploaded it or when the report was published.
   */
  async uploadLink(object: { bucket: string; key: string; metadata: Record<string, string> }, now: Date): Promise<UploadLink> {
    const headers = Object.fromEntries(Object.entries(object.metadata).map(([name, value]) => [`x-amz-meta-${name}`, value]));
    const url = await getSignedUrl(this.client, new PutObjectCommand({ Bucket: object.bucket, Key: object.key, Metadata: object.metadata }), {
      expiresIn: UPLOAD_LINK_SECONDS,
      signingDate: now,
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    return { url, method: 'PUT', headers, expiresAt: new Date(now.getTime() + UPLOAD_LINK_SECONDS * 1000).toISOString() };
  }
}
