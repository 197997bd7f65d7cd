import { ImmigraFlowError } from './base-error'

/** An API key, or a function that returns one (rotating or short-lived keys); called before every attempt. */
export type ApiKeySource = string | (() => string | Promise<string>)

/** How many of a key function's recent answers stay redacted from logs. */
const REMEMBERED_KEYS = 8

/** The client's API key: resolves it per attempt, and remembers the values so logs can redact them. */
export class ApiKeys {
  readonly #source: ApiKeySource
  readonly #seen: string[] = []

  constructor(source: ApiKeySource) {
    this.#source = source
    if (typeof source === 'string') this.#seen.push(source)
  }

  /** The source as given: a derived client shares it. */
  get source(): ApiKeySource {
    return this.#source
  }

  /** The key for the next attempt: the string itself at once, or what the function resolves to. */
  next(): string | Promise<string> {
    const source = this.#source
    return typeof source === 'string' ? source : this.#ask(source)
  }

  /** Every key value the client has sent, for redaction. */
  seen(): readonly string[] {
    return this.#seen
  }

  async #ask(source: () => string | Promise<string>): Promise<string> {
    let key: unknown
    try {
      key = await source()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new ImmigraFlowError(`The apiKey function failed, so nothing was sent: ${reason}`, { cause: error })
    }
    if (typeof key !== 'string' || key.trim() === '') {
      throw new ImmigraFlowError(
        `The apiKey function must resolve to a non-empty string; it resolved to ${key === '' ? 'an empty string' : typeof key}, so nothing was sent.`,
      )
    }
    if (!this.#seen.includes(key)) {
      this.#seen.push(key)
      if (this.#seen.length > REMEMBERED_KEYS) this.#seen.shift()
    }
    return key
  }
}
