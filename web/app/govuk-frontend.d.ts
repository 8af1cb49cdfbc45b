/** The parts of GOV.UK Frontend's JavaScript the page uses; the package ships no types. */
declare module 'govuk-frontend' {
  export class ErrorSummary {
    constructor(root: Element, config?: { disableAutoFocus?: boolean });
  }
  export class ServiceNavigation {}
  export class SkipLink {}
  export function createAll(component: unknown, config?: unknown, scope?: Element | Document): unknown[];
}
