import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type CaseStatusChangedEvent,
  sign,
  unwrap,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
} from '../../src/webhooks'
import { specExamples } from '../helpers/spec'
import { REFERENCE, rejection } from './fixtures'

const secret = REFERENCE.secret
const timestamp = 1_772_357_400
const options = { now: timestamp * 1000 }

const events = specExamples().filter((example) => example.kind === 'event')

/** The example event of one type, as the spec gives it. */
function exampleOf(type: WebhookEventType): Record<string, unknown> {
  const found = events.find((example) => (example.value as { type?: unknown }).type === type)
  if (!found) throw new Error(`The spec has no ${type} example`)
  return structuredClone(found.value) as Record<string, unknown>
}

/** A body and the headers that sign it, as ImmigraFlow would deliver it. */
async function delivery(body: string) {
  return { body, headers: await sign({ id: 'msg_unwrap', timestamp, payload: body, secret }) }
}

describe('unwrap', () => {
  it('covers an example of every event type in the spec', () => {
    const types = events.map((example) => (example.value as { type: string }).type).sort()
    expect(types).toEqual(
      ['case.created', 'case.status_changed', 'case.updated', 'user.created', 'user.updated', 'user.verified'].sort(),
    )
  })

  it.each(events.map((example) => [example.where, example.value] as const))(
    'returns the %s example as a typed event',
    async (_where, value) => {
      const { body, headers } = await delivery(JSON.stringify(value))
      const event = await unwrap(body, headers, secret, options)
      expect(event).toEqual(value)
    },
  )

  it('accepts the body as bytes', async () => {
    const value = exampleOf('case.created')
    const { body, headers } = await delivery(JSON.stringify(value))
    await expect(unwrap(new TextEncoder().encode(body), headers, secret, options)).resolves.toEqual(value)
  })

  it('rejects a validly signed event that does not match the schema, naming the bad fields', async () => {
    const value = exampleOf('case.status_changed')
    const data = value.data as Record<string, unknown>
    delete data.status_update
    value.created_at = 'yesterday'
    const { body, headers } = await delivery(JSON.stringify(value))
    const error = await rejection(unwrap(body, headers, secret, options))
    expect(error.reason).toBe('invalid_payload')
    expect(error.message).toContain('data.status_update')
    expect(error.message).toContain('created_at')
    expect(error.details.map((detail) => detail.field)).toEqual(
      expect.arrayContaining(['data.status_update', 'created_at']),
    )
    // zod's English messages, whatever locale (or none, as with zod/mini) the app configured.
    expect(error.details).toContainEqual({ field: 'created_at', message: 'Invalid ISO datetime' })
  })

  it('rejects a validly signed event of an unknown type, naming the type field', async () => {
    const { body, headers } = await delivery(JSON.stringify({ ...exampleOf('user.created'), type: 'user.deleted' }))
    const error = await rejection(unwrap(body, headers, secret, options))
    expect(error.reason).toBe('invalid_payload')
    expect(error.details[0]?.field).toBe('type')
  })

  it('rejects a validly signed body that is not JSON', async () => {
    const { body, headers } = await delivery('not json')
    const error = await rejection(unwrap(body, headers, secret, options))
    expect(error.reason).toBe('invalid_payload')
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('checks the signature before it parses the body', async () => {
    const { headers } = await delivery(JSON.stringify(exampleOf('user.created')))
    const error = await rejection(unwrap('not json', headers, secret, options))
    expect(error.reason).toBe('no_matching_signature')
  })
})

describe('unwrap types', () => {
  it('narrows event.data by event.type', async () => {
    const { body, headers } = await delivery(JSON.stringify(exampleOf('case.status_changed')))
    const event = await unwrap(body, headers, secret, options)
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>()
    if (event.type === 'case.status_changed') {
      expectTypeOf(event).toEqualTypeOf<CaseStatusChangedEvent>()
      expectTypeOf(event.data.status_update).toEqualTypeOf<CaseStatusChangedEvent['data']['status_update']>()
      expectTypeOf(event.data).toHaveProperty('status_update')
      expect(event.data.status_update.id).toBeGreaterThan(0)
    } else {
      expectTypeOf(event.type).toEqualTypeOf<Exclude<WebhookEventType, 'case.status_changed'>>()
      throw new Error(`Expected case.status_changed, got ${event.type}`)
    }
  })

  it('types WebhookEventOf as the event of that type', () => {
    expectTypeOf<WebhookEventOf<'case.status_changed'>>().toEqualTypeOf<CaseStatusChangedEvent>()
    expectTypeOf<WebhookEventType>().toEqualTypeOf<
      'user.created' | 'user.updated' | 'user.verified' | 'case.created' | 'case.updated' | 'case.status_changed'
    >()
  })
})
