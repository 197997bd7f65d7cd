import { describe, expect, it } from 'vitest'
import type { ZodMiniType } from 'zod/mini'
import * as generated from '../../src/generated/zod'
import { refName, spec, specExamples } from '../helpers/spec'

const schemaFor = (name: string): ZodMiniType => {
  const schema = (generated as Record<string, unknown>)[`${name}Schema`]
  if (!schema) throw new Error(`No generated schema for ${name}`)
  return schema as ZodMiniType
}

type Json = Record<string, unknown>

/** The first required property of a component, following allOf to its first member. */
function firstRequired(name: string): string | undefined {
  const schema = spec.components.schemas[name] as Json
  const required = (schema.required as string[] | undefined) ?? []
  if (required[0]) return required[0]
  const base = (schema.allOf as Json[] | undefined)?.[0]
  return base ? firstRequired(refName(base)) : undefined
}

const examples = specExamples().filter((e) => e.value && typeof e.value === 'object' && !Array.isArray(e.value))
const cases = examples.map((e) => [e.where, e, refName(e.schema)] as const)

describe('generated zod schemas', () => {
  it.each(cases)('%s: accepts the spec example', (_, example, name) => {
    const result = schemaFor(name).safeParse(example.value)
    expect(result.error?.issues ?? []).toEqual([])
  })

  // Partial updates have no required field; their "at least one field" rule is tested below.
  it.each(cases.filter(([, , name]) => firstRequired(name)))(
    '%s: rejects the example without its first required field',
    (_, example, name) => {
      const field = firstRequired(name) as string
      const broken = { ...(example.value as Json) }
      delete broken[field]
      const result = schemaFor(name).safeParse(broken)
      expect(result.success).toBe(false)
      expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field)
    },
  )

  it.each(cases)('%s: rejects the example with a wrongly typed field', (_, example, name) => {
    const [field, value] = Object.entries(example.value as Json)[0] as [string, unknown]
    // An array is the wrong type for every field the spec has (none is an array of anything but known items).
    const wrong = typeof value === 'object' && value !== null ? 12345 : [{ wrong: true }]
    const result = schemaFor(name).safeParse({ ...(example.value as Json), [field]: wrong })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field)
  })

  it.each(cases.filter(([, e]) => e.kind === 'request'))(
    '%s: rejects an unknown field in a request body',
    (_, example, name) => {
      const result = schemaFor(name).safeParse({ ...(example.value as Json), recipt_number: 'typo' })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys')
    },
  )

  it.each(cases.filter(([, e]) => e.kind === 'response'))(
    '%s: keeps an unknown field in a response, so newer servers never break older clients',
    (_, example, name) => {
      const result = schemaFor(name).safeParse({ ...(example.value as Json), added_later: 1 })
      expect(result.success).toBe(true)
      expect(result.data).toMatchObject({ added_later: 1 })
    },
  )

  it('rejects an empty partial update, which must carry at least one field', () => {
    for (const name of ['UserUpdateRequest', 'CaseUpdateRequest', 'WebhookUpdateRequest']) {
      expect(schemaFor(name).safeParse({}).success, name).toBe(false)
    }
  })

  it('accepts ["*"] alone, never beside named events', () => {
    const url = 'https://hooks.example.com/x'
    expect(generated.WebhookCreateRequestSchema.safeParse({ url, events: ['*'] }).success).toBe(true)
    expect(generated.WebhookCreateRequestSchema.safeParse({ url, events: ['*', 'user.created'] }).success).toBe(false)
    expect(generated.WebhookCreateRequestSchema.safeParse({ url, events: ['*', '*'] }).success).toBe(false)
  })

  it('rejects duplicate webhook event types', () => {
    const result = generated.WebhookCreateRequestSchema.safeParse({
      url: 'https://hooks.example.com/x',
      events: ['case.created', 'case.created'],
    })
    expect(result.success).toBe(false)
  })

  it('tells webhook events apart by type', () => {
    const event = specExamples().find((e) => e.where === 'webhook case.status_changed')?.value
    const parsed = generated.WebhookEventSchema.parse(event)
    expect(parsed.type).toBe('case.status_changed')
    expect(generated.WebhookEventSchema.safeParse({ ...(event as Json), type: 'user.created' }).success).toBe(false)
  })

  it('coerces path and query strings to the spec types', () => {
    const { query, pathParams } = generated.operations.listUserCases
    expect(pathParams.parse({ user_id: '42' })).toEqual({ user_id: 42 })
    expect(query.parse({ limit: '5', active: 'false' })).toEqual({ limit: 5, active: false })
    expect(query.parse({})).toEqual({ limit: 20 })
    expect(query.safeParse({ limit: '101' }).success).toBe(false)
    expect(query.safeParse({ limit: 'ten' }).success).toBe(false)
    expect(query.safeParse({ limt: '5' }).success).toBe(false)
    for (const loose of ['0x1', '1e1', ' 1', '', '1.0'])
      expect(query.safeParse({ limit: loose }).success, loose).toBe(false)
    expect(pathParams.safeParse({ user_id: '0x2a' }).success).toBe(false)
  })
})
