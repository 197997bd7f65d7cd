import type { Middleware } from 'openapi-fetch'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  APIPromise,
  CaseDetails,
  CheckResult,
  ClientOptions,
  ImmigraFlow,
  Page,
  PagePromise,
  RequestOptions,
  User,
  Webhook,
} from '../../src'
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

  it('keeps full typing through withOptions()', () => {
    type Derived = ReturnType<typeof client.withOptions>
    expectTypeOf<Derived>().toEqualTypeOf<ImmigraFlow>()
    expectTypeOf<Derived['users']['retrieve']>().returns.toEqualTypeOf<APIPromise<User>>()
    expectTypeOf<Derived['users']['list']>().returns.toEqualTypeOf<PagePromise<User>>()
    expectTypeOf<Derived['cases']['retrieve']>().returns.toEqualTypeOf<APIPromise<CaseDetails>>()
    expectTypeOf<Derived['http']>().toEqualTypeOf<ImmigraFlow['http']>()
    expectTypeOf<typeof client.withOptions>().parameter(0).toEqualTypeOf<ClientOptions>()
    // Never called: the type checker reads these lines.
    const misuse = (derived: Derived) => {
      // @ts-expect-error: withOptions takes the client's options, typed
      derived.withOptions({ timeout: '5s' })
      // @ts-expect-error: a derived client checks bodies like its parent
      derived.users.create({ mail: 'maria@example.com', name: 'María' })
    }
    expectTypeOf(misuse).toBeFunction()
  })

  it('types asResponse() as the raw Response, and the new options', () => {
    expectTypeOf<ReturnType<ReturnType<typeof client.users.retrieve>['asResponse']>>().toEqualTypeOf<
      Promise<Response>
    >()
    expectTypeOf<ReturnType<ReturnType<typeof client.users.list>['asResponse']>>().toEqualTypeOf<Promise<Response>>()
    expectTypeOf<RequestOptions['middleware']>().toEqualTypeOf<Middleware[] | undefined>()
    expectTypeOf<ClientOptions['apiKey']>().toEqualTypeOf<string | (() => string | Promise<string>) | undefined>()
    expectTypeOf<ClientOptions['telemetry']>().toEqualTypeOf<boolean | undefined>()
  })
})
