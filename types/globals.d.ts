// What the browser code finds on window: our namespace, data the build writes, and
// what Material and the vendored libraries provide.

interface Observable<T> {
  subscribe(next: (value: T) => void): unknown;
}

interface Window {
  /** Our namespace: pb-core.js creates it, every module adds to it. */
  PB: any;
  /** Data files the build writes (assets/playbook/*.js). */
  PB_MANIFEST?: any;
  PB_UPDATES?: any;
  PB_QUIZ_KEYS?: any;
  /** Our search engine's host (docs/assets/javascripts/search/). */
  PBSearchHost?: any;
  /** Material for MkDocs: emits each page after an instant navigation. */
  document$?: Observable<Document>;
  /** Vendored fflate (zip for the Excel export). */
  fflate?: any;
}

declare var PB: any;
