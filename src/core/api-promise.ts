/** A result together with the HTTP response it came from. */
export type WithResponse<T> = {
  data: T
  /** The raw fetch Response (its body has been read). */
  response: Response
  /** The response's `X-Request-Id`. */
  requestId: string | undefined
}

/**
 * What every SDK method returns: await it for the data, call `.withResponse()` for the data with
 * its HTTP response, or `.asResponse()` for the raw response with its body unread. The request
 * starts as soon as the method is called; the body is read only when the data is asked for.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #response: Promise<Response>
  readonly #parse: (response: Response) => Promise<T>
  #data: Promise<T> | undefined

  /**
   * @param response resolves to a successful response whose body is not read yet (errors reject).
   * @param parse reads that response into the data.
   */
  constructor(response: Promise<Response>, parse: (response: Response) => Promise<T>) {
    this.#response = response
    this.#parse = parse
  }

  /**
   * The raw `Response`, body unread: for streaming it, reading it as text, or its headers. Error
   * statuses still reject with the typed error (whose body has been read).
   */
  asResponse(): Promise<Response> {
    return this.#response
  }

  /** The data with the raw `Response` (body read) and its request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const [data, response] = await Promise.all([this.#parsed(), this.#response])
    return { data, response, requestId: response.headers.get('x-request-id') ?? undefined }
  }

  #parsed(): Promise<T> {
    this.#data ??= this.#response.then(this.#parse)
    return this.#data
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a promise, so it must be thenable.
  then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#parsed().then(onfulfilled, onrejected)
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
