import type { APIPromise } from '../core/api-promise'
import type { Caller, RequestOptions } from '../core/caller'
import type { PagePromise } from '../core/pagination'
import type { Webhook, WebhookCreateParams, WebhookListParams, WebhookUpdateParams } from '../types'

/** Webhook endpoints that receive signed event notifications. */
export class Webhooks {
  readonly #caller: Caller

  constructor(caller: Caller) {
    this.#caller = caller
  }

  /** Lists webhook endpoints, oldest first: await it for the first page, or `for await` over all of them. */
  list(query: WebhookListParams = {}, options?: RequestOptions): PagePromise<Webhook> {
    return this.#caller.list('listWebhooks', undefined, query, options, (pageQuery, init) =>
      this.#caller.api.GET('/v1/webhooks', { params: { query: pageQuery }, ...init }),
    )
  }

  /** Registers an endpoint; the response carries its signing `secret`, shown only here and after a rotation. */
  create(body: WebhookCreateParams, options?: RequestOptions): APIPromise<Webhook> {
    return this.#caller.call('createWebhook', 'POST', { body }, options, (init) =>
      this.#caller.api.POST('/v1/webhooks', { body, ...init }),
    )
  }

  /** Gets an endpoint (without its secret). */
  retrieve(webhookId: number, options?: RequestOptions): APIPromise<Webhook> {
    const path = { webhook_id: webhookId }
    return this.#caller.call('getWebhook', 'GET', { path }, options, (init) =>
      this.#caller.api.GET('/v1/webhooks/{webhook_id}', { params: { path }, ...init }),
    )
  }

  /** Changes an endpoint; `rotate_secret: true` returns a new secret, the old one signing too for 24 h. */
  update(webhookId: number, body: WebhookUpdateParams, options?: RequestOptions): APIPromise<Webhook> {
    const path = { webhook_id: webhookId }
    return this.#caller.call('updateWebhook', 'PUT', { path, body }, options, (init) =>
      this.#caller.api.PUT('/v1/webhooks/{webhook_id}', { params: { path }, body, ...init }),
    )
  }

  /** Deletes an endpoint; no further deliveries are attempted. */
  delete(webhookId: number, options?: RequestOptions): APIPromise<void> {
    const path = { webhook_id: webhookId }
    return this.#caller.call<void>('deleteWebhook', 'DELETE', { path }, options, async (init) => {
      const { error, response } = await this.#caller.api.DELETE('/v1/webhooks/{webhook_id}', {
        params: { path },
        ...init,
      })
      return { data: undefined, error, response }
    })
  }
}
