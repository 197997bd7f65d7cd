import { describe, expectTypeOf, it } from 'vitest'
import type { CaseDetails, CheckResult, ImmigraFlow, Page, User, Webhook } from '../../src'
import type { components } from '../../src/generated/openapi'

declare const client: ImmigraFlow

describe('types', () => {
  it('resolves retrieve to the generated User', () => {
    expectTypeOf<Awaited<ReturnType<typeof client.users.retrieve>>>().toEqualTypeOf<components['schemas']['User']>()
    expectTypeOf<User>().toEqualTypeOf<components['schemas']['User']>()
  })

  it('resolves every method to its generated response type', () => {
    expectTypeOf<Awaited<ReturnType<typeof client.cases.retrieve>>>().toEqualTypeOf<CaseDetails>()
    expectTypeOf<Awaited<ReturnType<typeof client.check.status>>>().toEqualTypeOf<CheckResult>()
    expectTypeOf<Awaited<ReturnType<typeof client.webhooks.create>>>().toEqualTypeOf<Webhook>()
    expectTypeOf<Awaited<ReturnType<typeof client.webhooks.delete>>>().toEqualTypeOf<void>()
    expectTypeOf<Awaited<ReturnType<typeof client.users.list>>>().toEqualTypeOf<Page<User>>()
  })

  it('makes a wrong body field a type error', () => {
    const create = (body: Parameters<typeof client.users.create>[0]) => body
    // @ts-expect-error: `mail` is not a field; `email` is
    create({ mail: 'maria@example.com', name: 'María' })
    // @ts-expect-error: notify_by_email is a boolean
    create({ email: 'maria@example.com', name: 'María', notify_by_email: 'yes' })
    expectTypeOf(create).parameter(0).toHaveProperty('email').toEqualTypeOf<string>()
  })

  it('keeps wire names in snake_case', () => {
    expectTypeOf<User>().toHaveProperty('notify_by_whatsapp')
    expectTypeOf<CaseDetails>().toHaveProperty('status_updates')
  })

  it('types withResponse() with the data, the Response and the request id', () => {
    type Result = Awaited<ReturnType<ReturnType<typeof client.users.retrieve>['withResponse']>>
    expectTypeOf<Result['data']>().toEqualTypeOf<User>()
    expectTypeOf<Result['response']>().toEqualTypeOf<Response>()
    expectTypeOf<Result['requestId']>().toEqualTypeOf<string | undefined>()
  })
})
