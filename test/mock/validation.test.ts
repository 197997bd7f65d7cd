import { describe, expect, test } from 'vitest'
import { createMockApi } from '../../mocks/api'
import { call } from '../helpers/mock'

describe('validation', () => {
  test('a body breaking the schema gets 422 validation_failed with one details entry per bad field', async () => {
    const res = await call(createMockApi(), 'createUser', { body: { email: 'not-an-email', name: '', phone: '555' } })
    expect(res.status).toBe(422)
    expect(res.error.code).toBe('validation_failed')
    expect(res.error.details).toEqual([
      { field: 'email', message: 'must be a valid email address' },
      { field: 'name', message: 'must be at least 1 character long' },
      { field: 'phone', message: 'must be an E.164 number such as +14155550123' },
    ])
    expect(res.error.message).toBe('The request has 3 invalid fields: email, name, phone.')
  })

  test('each unknown body field gets its own details entry', async () => {
    const res = await call(createMockApi(), 'createUser', {
      body: { email: 'a@example.com', name: 'A', nmae: 'x', colour: 'red' },
    })
    expect(res.status).toBe(422)
    expect(res.error.details).toEqual([
      { field: 'nmae', message: 'is not a known field' },
      { field: 'colour', message: 'is not a known field' },
    ])
  })

  test('a missing required field is reported as required', async () => {
    const res = await call(createMockApi(), 'createUser', { body: { name: 'A' } })
    expect(res.error.details).toEqual([{ field: 'email', message: 'is required' }])
  })

  test('nested fields are named with dot-joined paths (events.1)', async () => {
    const res = await call(createMockApi(), 'createWebhook', {
      body: { url: 'https://h.example.com', events: ['case.created', 'case.exploded'] },
    })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('events.1')
  })

  test('an empty update body is a 422 on the body as a whole', async () => {
    const api = createMockApi()
    const created = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const res = await call(api, 'updateUser', { params: { user_id: created.body.id }, body: {} })
    expect(res.status).toBe(422)
    expect(res.error.details).toEqual([{ field: 'body', message: 'send at least 1 field' }])
  })

  test('path parameters are validated (422 on a non-integer id)', async () => {
    const res = await call(createMockApi(), 'getUser', { params: { user_id: 'abc' } })
    expect(res.status).toBe(422)
    expect(res.error.details?.[0]?.field).toBe('user_id')
  })

  test('query parameters are validated (limit must be 1–100)', async () => {
    const api = createMockApi()
    const res = await call(api, 'listUsers', { query: { limit: 101, status: 'sleeping' } })
    expect(res.status).toBe(422)
    expect(res.error.details?.map((detail) => detail.field)).toEqual(['limit', 'status'])
  })

  test('malformed JSON gets 400 bad_request', async () => {
    const res = await call(createMockApi(), 'createUser', {
      raw: '{"email": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.error.code).toBe('bad_request')
    expect(res.error.message).toMatch(/not valid JSON/)
  })

  test('a non-JSON content type gets 400 bad_request', async () => {
    const res = await call(createMockApi(), 'createUser', {
      raw: 'email=a@example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(400)
    expect(res.error.message).toMatch(/application\/json/)
  })

  test('a body over 1 MiB gets 413 payload_too_large', async () => {
    const big = JSON.stringify({ email: 'a@example.com', name: 'x'.repeat(1_048_576) })
    const res = await call(createMockApi(), 'createUser', { raw: big, headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(413)
    expect(res.error.code).toBe('payload_too_large')
  })

  test('a receipt number is accepted as people type it and stored normalised', async () => {
    const api = createMockApi()
    const user = await call(api, 'createUser', { body: { email: 'a@example.com', name: 'A' } })
    const res = await call(api, 'createCase', {
      params: { user_id: user.body.id },
      body: { receipt_number: ' eac-21-900 12340 ' },
    })
    expect(res.status).toBe(201)
    expect(res.body.case.receipt_number).toBe('EAC2190012340')
  })

  test.each([
    ['E-AC-2190012340', 200],
    ['-eac 2190012340-', 200],
    ['EAC-21-900-1234', 422],
    ['EA1-2190012340', 422],
  ])('POST /v1/check normalises %j as the API does (spaces and hyphens anywhere) → %i', async (typed, status) => {
    const res = await call(createMockApi(), 'checkCaseStatus', { body: { receipt_number: typed } })
    expect(res.status).toBe(status)
    if (status === 200) expect(res.body.receipt_number).toBe('EAC2190012340')
  })
})
