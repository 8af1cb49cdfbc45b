import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { writeWebAssets } from '../web/build';
import type { Storage } from './fiftysix-stack';
import { acknowledgeWildcards, underArn } from './nag';
import type { OfficeApi } from './office-api';
import { API_REQUEST_FUNCTION, PAGE_REQUEST_FUNCTION } from './page-functions';
import { pageSecurityHeaders } from './page-security';

/** The page is built once per process: every stack a test synthesises deploys the same files. */
let builtPage: string | undefined;
function pageDirectory(): string {
  builtPage ??= (() => {
    const directory = mkdtempSync(join(tmpdir(), 'fiftysix-page-'));
    writeWebAssets(directory);
    return directory;
  })();
  return builtPage;
}

interface OfficePageProps {
  storage: Storage;
  api: OfficeApi;
  /** The page's own address, when the office gives it one; CloudFront's is always allowed too. */
  appUrl: string | null;
}

/**
 * The office's page, served with its API from one origin: CloudFront in front of a private bucket of
 * the page's files and of the HTTP API under /api/*, with the same security headers on both. One
 * origin means the session cookie is the page's own, and the page sends no token anywhere else.
 */
export class OfficePage extends Construct {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, { storage, api, appUrl }: OfficePageProps) {
    super(scope, id);
    const site = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: storage.accessLogs,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const region = Stack.of(this).region;
    const headers = pageSecurityHeaders(`https://*.s3.${region}.amazonaws.com https://*.s3.amazonaws.com`);
    const responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'FiftySix: the page’s and the API’s security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy']!, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: ['permissions-policy', 'cross-origin-opener-policy'].map((header) => ({ header, value: headers[header]!, override: true })),
      },
    });
    // API answers are never cached; the token is part of the key only so that CloudFront forwards it.
    const apiCache = new CachePolicy(this, 'ApiCache', {
      comment: 'FiftySix API: not cached; forwards the Authorization header',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.none(),
    });
    const viewerFunction = (name: string, code: string) =>
      new CloudFrontFunction(this, name, { code: FunctionCode.fromInline(code), runtime: FunctionRuntime.JS_2_0, comment: `FiftySix: ${name}` });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'FiftySix: the office’s page and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: responseHeaders,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: viewerFunction('PageRequest', PAGE_REQUEST_FUNCTION) }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(Fn.select(2, Fn.split('/', api.url)), { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: apiCache,
          // API Gateway answers only to its own host name, so every viewer header but Host is passed on.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: responseHeaders,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: viewerFunction('ApiRequest', API_REQUEST_FUNCTION) }],
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Offices’ staff may sign in from abroad; every route but the calendar feed needs a Cognito sign-in' },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No WAF, for its cost: the API is throttled and needs a Cognito sign-in; add a web ACL where a threat model asks for one',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront standard logs: they would record the calendar feed’s secret, which travels in the query string; the HTTP API’s access log records each request without it',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default cloudfront.net certificate allows older TLS; set appUrl with a custom domain and certificate to enforce TLS 1.2 for viewers',
      },
    );

    // The page's files: named by their content and kept for a year, beside the page itself, never kept.
    const page = pageDirectory();
    new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(page, { exclude: ['index.html'] })],
      destinationBucket: site,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
    });
    new BucketDeployment(this, 'Page', {
      sources: [Source.asset(page, { exclude: ['assets', 'assets/*'] })],
      destinationBucket: site,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/'],
    });
    // CDK's bucket deployment handler lives at the stack's root, one for every deployment.
    Validations.of(Stack.of(this)).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'CDK chooses the runtime of its bucket deployment handler, and updates it with CDK',
    });
    acknowledgeWildcards(Stack.of(this), {
      'Action::s3:GetBucket*': 'CDK’s bucket deployment reads the asset bucket and writes the site bucket with its own grants',
      'Action::s3:GetObject*': 'CDK’s bucket deployment copies the page’s files from the asset bucket',
      'Action::s3:List*': 'CDK’s bucket deployment lists the buckets it copies between',
      'Action::s3:DeleteObject*': 'CDK’s bucket deployment replaces the page’s files it deployed before',
      'Action::s3:Abort*': 'CDK’s bucket deployment uploads with multipart uploads',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*':
        'CDK’s bucket deployment reads the page’s files from CDK’s asset bucket',
      [`Resource::${underArn(site, '/*')}`]: 'CDK’s bucket deployment writes the page’s files into the site bucket only',
      'Resource::*': 'CDK’s bucket deployment invalidates the page in CloudFront, which takes no resource-level permission',
    });

    // The page uploads reports straight to the bucket through the API's presigned links.
    storage.uploads.addCorsRule({
      allowedOrigins: [`https://${this.distribution.distributionDomainName}`, ...(appUrl ? [appUrl] : [])],
      allowedMethods: [HttpMethods.PUT],
      allowedHeaders: ['*'],
      maxAge: 3000,
    });
  }

  /** The page's address: the configured one, else CloudFront's. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
