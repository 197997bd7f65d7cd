/** A result together with the HTTP response it came from. */
export type WithResponse<T> = {
  data: T
  /** The raw fetch Response (its body has been read). */
  response: Response
  /** The response's `X-Request-Id`. */
  requestId: string | undefined
}

/**
 * What every SDK method returns: await it for the data, or call `.withResponse()` for the
 * data with its HTTP response. The request starts as soon as the method is called.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<WithResponse<T>>

  constructor(result: Promise<{ data: T; response: Response }>) {
    this.#result = result.then(({ data, response }) => ({
      data,
      response,
      requestId: response.headers.get('x-request-id') ?? undefined,
    }))
  }

  /** The data with the raw `Response` and its request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a promise, so it must be thenable.
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#result.then((result) => result.data).then(onfulfilled, onrejected)
  }

  /** Like `Promise.prototype.catch`. */
  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.then(undefined, onrejected)
  }

  /** Like `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally)
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise'
  }
}
