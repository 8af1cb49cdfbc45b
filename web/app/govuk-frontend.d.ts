/** The parts of GOV.UK Frontend's JavaScript the page uses; the package ships no types. */
declare module 'govuk-frontend' {
  export class ErrorSummary {}
  export class ServiceNavigation {}
  export function createAll(component: unknown, config?: unknown, scope?: Element | Document): unknown[];
}
