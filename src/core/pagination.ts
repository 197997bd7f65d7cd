import { APIPromise } from './api-promise'
import { ImmigraFlowError } from './base-error'

/** The list envelope every ImmigraFlow list endpoint answers. */
export type ListEnvelope<T> = {
  data: T[]
  has_more: boolean
  next_cursor: string | null
  total: number
}

/** Starts fetching the page that starts at `cursor` (undefined for the first page). */
export type PageFetcher<T> = (cursor: string | undefined) => APIPromise<ListEnvelope<T>>

/** One page of a list, able to fetch the pages after it. */
export class Page<T> implements ListEnvelope<T> {
  readonly data: T[]
  readonly has_more: boolean
  readonly next_cursor: string | null
  /** How many items match the filters across all pages. */
  readonly total: number
  readonly #fetchPage: PageFetcher<T>

  constructor(envelope: ListEnvelope<T>, fetchPage: PageFetcher<T>) {
    this.data = envelope.data
    this.has_more = envelope.has_more
    this.next_cursor = envelope.next_cursor
    this.total = envelope.total
    this.#fetchPage = fetchPage
  }

  /** Whether another page follows this one. */
  hasNextPage(): boolean {
    return this.has_more && this.next_cursor !== null
  }

  /** Fetches the next page, with the same filters and request options. */
  getNextPage(): PagePromise<T> {
    if (!this.hasNextPage() || this.next_cursor === null) {
      const error = new ImmigraFlowError('This is the last page; check hasNextPage() first.')
      return new PagePromise(new APIPromise(Promise.reject(error), () => Promise.reject(error)), this.#fetchPage)
    }
    return PagePromise.fetch(this.#fetchPage, this.next_cursor)
  }

  /** Every item of this page and the pages after it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    let page: Page<T> = this
    for (;;) {
      yield* page.data
      if (!page.hasNextPage()) return
      page = await page.getNextPage()
    }
  }
}

/**
 * A list call: await it for the first page, or `for await` over it for every item of every
 * page, fetched lazily one page at a time.
 */
export class PagePromise<T> extends APIPromise<Page<T>> implements AsyncIterable<T> {
  /** `envelope` is the page's call; its data becomes a `Page` able to fetch the pages after it. */
  constructor(envelope: APIPromise<ListEnvelope<T>>, fetchPage: PageFetcher<T>) {
    super(envelope.asResponse(), () => envelope.then((data) => new Page(data, fetchPage)))
  }

  /** Starts fetching the page at `cursor`. */
  static fetch<T>(fetchPage: PageFetcher<T>, cursor: string | undefined): PagePromise<T> {
    return fetchPagePromise(fetchPage, cursor)
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this
  }
}

// Outside the class body, so the bundle keeps the class's name (see base-error.ts).
function fetchPagePromise<T>(fetchPage: PageFetcher<T>, cursor: string | undefined): PagePromise<T> {
  return new PagePromise(fetchPage(cursor), fetchPage)
}
