// The shape of a platform module: pure data and functions, testable without a browser.

export type PageKind = 'list' | 'detail' | 'logistics';

/** Where, inside an order row (or on a detail page), the platform shows each fact; text is read from the first match. */
export interface FactSelectors {
  readonly shop?: string;
  /** Every match is an item title. */
  readonly items?: string;
  readonly amount?: string;
  readonly status?: string;
  readonly logistics?: string;
}

export interface ShopModule {
  /** Stable platform id sent to the host, e.g. "taobao"; its display name is the locale message shop_<id>. */
  readonly id: string;
  /** Registrable domains the platform's pages live on (every country domain for Shopee and Lazada). */
  readonly domains: readonly string[];
  /** Where the content script runs: the manifest's content_scripts matches for this platform. */
  readonly matches: readonly string[];
  /** Order pages by kind, tested against "host/path" (no scheme, no query). */
  readonly pages: Partial<Record<PageKind, readonly RegExp[]>>;
  /** Labels beyond the common ones, in the languages the platform uses. */
  readonly labels?: readonly string[];
  /** CSS selector of one order in a list: the row a control belongs to. */
  readonly orderRow?: string;
  /** Selectors for what the page says about the order; anything not given is read from the row's text. */
  readonly facts?: FactSelectors;
  /** Order id for a control on this platform's page; the default reads links, rows and the page URL. */
  orderId?(control: Element, page: URL): string | null;
}
