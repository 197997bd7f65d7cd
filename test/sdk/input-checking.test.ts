import { describe, expect, it } from 'vitest'
import { ImmigraFlow, type UserCreateParams } from '../../src'
import { json, rejection, stubFetch, USER } from '../helpers/stub-fetch'

function setup() {
  const { fetch, requests } = stubFetch(json(USER))
  const client = new ImmigraFlow({
    apiKey: 'sk_test_input',
    baseUrl: 'https://api.immigraflow.test',
    fetch,
    logLevel: 'off',
  })
  return { client, requests }
}

describe('input checking before sending', () => {
  it('rejects an invalid receipt number, naming the field, and sends nothing', async () => {
    const { client, requests } = setup()
    const error = await rejection(client.check.status({ receipt_number: 'EAC-12' }))
    expect(error.status).toBeUndefined()
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([
      { field: 'receipt_number', message: expect.stringContaining('three letters and ten digits') },
    ])
    expect(error.message).toContain('receipt_number')
    expect(requests).toHaveLength(0)
  })

  it('rejects an invalid email, naming the field, and sends nothing', async () => {
    const { client, requests } = setup()
    const error = await rejection(client.users.create({ email: 'maria-at-example.com', name: 'María' }))
    expect(error.details.map((detail) => detail.field)).toEqual(['email'])
    expect(requests).toHaveLength(0)
  })

  it('names every invalid field at once, including unknown ones', async () => {
    const { client } = setup()
    // Untyped callers (plain JavaScript, parsed JSON) can send anything; the SDK still catches it.
    const body = JSON.parse('{"email":"nope","name":"","phone":"555-0100","nickname":"M"}') as UserCreateParams
    const error = await rejection(client.users.create(body))
    expect(error.details.map((detail) => detail.field).sort()).toEqual(['email', 'name', 'nickname', 'phone'])
    expect(error.details.find((d) => d.field === 'nickname')?.message).toBe('is not a known field')
  })

  it('rejects an empty partial update', async () => {
    const { client, requests } = setup()
    const error = await rejection(client.users.update(7, {}))
    expect(error.details).toEqual([{ field: 'body', message: 'send at least 1 field' }])
    expect(requests).toHaveLength(0)
  })

  it('rejects a path id that is not a positive integer', async () => {
    const { client, requests } = setup()
    const error = await rejection(client.users.retrieve(0))
    expect(error.details.map((detail) => detail.field)).toEqual(['user_id'])
    expect(requests).toHaveLength(0)
  })

  it('rejects a list limit above 100', async () => {
    const { client } = setup()
    const error = await rejection(client.users.list({ limit: 500 }))
    expect(error.details.map((detail) => detail.field)).toEqual(['limit'])
  })

  it('accepts receipts typed with spaces, hyphens and lower case', async () => {
    const { fetch, requests } = stubFetch(json({}, 201))
    const client = new ImmigraFlow({ apiKey: 'k', baseUrl: 'https://api.immigraflow.test', fetch, logLevel: 'off' })
    await client.cases.create(7, { receipt_number: 'ioe 09-123-45678' })
    expect(JSON.parse(requests[0]?.body ?? '{}')).toEqual({ receipt_number: 'IOE0912345678' })
  })

  it('checks a body as it will be sent: an update whose only field is undefined names no field', async () => {
    const { client, requests } = setup()
    const error = await rejection(client.users.update(7, { name: undefined }))
    expect(error.details).toEqual([{ field: 'body', message: 'send at least 1 field' }])
    expect(requests).toHaveLength(0)
    // Undefined fields beside real ones are simply not sent.
    await client.users.update(7, { name: 'María', phone: undefined })
    expect(JSON.parse(requests[0]?.body ?? '{}')).toEqual({ name: 'María' })
  })
})
