/** Webhook endpoints: CRUD, secrets shown only on create and rotation. */
import type { MockContext } from '../context'
import { ROTATION_OVERLAP_MS } from '../delivery'
import type { WebhookRecord } from '../store'
import { notFound } from './errors'
import { paginate } from './pagination'
import { type MockRoute, route } from './route'

function findWebhook(ctx: MockContext, id: number): WebhookRecord {
  const found = ctx.store.getWebhook(id)
  if (!found) throw notFound(`No webhook endpoint with id ${id}.`)
  return found
}

export function webhookHandlers(ctx: MockContext): MockRoute[] {
  return [
    route(ctx, 'listWebhooks', ({ query }) => {
      const state = ctx.state()
      const page = paginate(state.webhookIds, { ...query, total: state.webhooks.size }, (id) => state.webhooks.get(id))
      return { status: 200, body: { ...page, data: page.data.map((record) => ctx.store.webhookView(record)) } }
    }),

    route(ctx, 'createWebhook', ({ body }) => {
      const now = ctx.now()
      const record = ctx.store.insertWebhook({
        url: body.url,
        events: body.events,
        description: body.description ?? null,
        active: body.active,
        disabled_reason: null,
        created_at: now,
        updated_at: now,
        secret: ctx.secret(),
        previous_secret: null,
        previous_secret_expires_at: null,
      })
      return { status: 201, body: ctx.store.webhookView(record, true) }
    }),

    route(ctx, 'getWebhook', ({ path }) => ({
      status: 200,
      body: ctx.store.webhookView(findWebhook(ctx, path.webhook_id)),
    })),

    route(ctx, 'updateWebhook', ({ path, body }) => {
      const record = findWebhook(ctx, path.webhook_id)
      if (body.url !== undefined) record.url = body.url
      if (body.events !== undefined) record.events = body.events
      if (body.description !== undefined) record.description = body.description
      if (body.active !== undefined) {
        record.active = body.active
        // Re-enabling clears why it was disabled; pausing is the caller's choice, not ours to explain.
        record.disabled_reason = null
      }
      const rotated = body.rotate_secret === true
      if (rotated) {
        record.previous_secret = record.secret
        record.previous_secret_expires_at = ctx.state().now + ROTATION_OVERLAP_MS
        record.secret = ctx.secret()
      }
      record.updated_at = ctx.now()
      return { status: 200, body: ctx.store.webhookView(record, rotated) }
    }),

    route(ctx, 'deleteWebhook', ({ path }) => {
      findWebhook(ctx, path.webhook_id)
      ctx.store.deleteWebhook(path.webhook_id)
      return { status: 204 }
    }),
  ]
}
