export { type ListedPublication, parseFeed, UnreadableSourceError } from './feed';
export { type LandingPage, type ReportDocument, readLandingPage } from './landing-page';
export { parseListing } from './listing';
export { reasonToSkip, type SkipReason } from './skip-reasons';
