import type { APIPromise } from '../core/api-promise'
import type { Caller, RequestOptions } from '../core/caller'
import type { PagePromise } from '../core/pagination'
import type { User, UserCreateParams, UserListParams, UserUpdateParams, VerifyEmailParams } from '../types'

/** Users: people who track cases and receive notifications. */
export class Users {
  readonly #caller: Caller

  constructor(caller: Caller) {
    this.#caller = caller
  }

  /** Lists users, oldest first: await it for the first page, or `for await` over every user. */
  list(query: UserListParams = {}, options?: RequestOptions): PagePromise<User> {
    return this.#caller.list('listUsers', undefined, query, options, (pageQuery, init) =>
      this.#caller.api.GET('/v1/users', { params: { query: pageQuery }, ...init }),
    )
  }

  /** Registers a user (`pending_verification`) and emails them a verification token. */
  create(body: UserCreateParams, options?: RequestOptions): APIPromise<User> {
    return this.#caller.call('createUser', 'POST', { body }, options, (init) =>
      this.#caller.api.POST('/v1/users', { body, ...init }),
    )
  }

  /** Gets a user by id. */
  retrieve(userId: number, options?: RequestOptions): APIPromise<User> {
    const path = { user_id: userId }
    return this.#caller.call('getUser', 'GET', { path }, options, (init) =>
      this.#caller.api.GET('/v1/users/{user_id}', { params: { path }, ...init }),
    )
  }

  /** Changes some of a user's fields; a new email must be verified again. */
  update(userId: number, body: UserUpdateParams, options?: RequestOptions): APIPromise<User> {
    const path = { user_id: userId }
    return this.#caller.call('updateUser', 'PUT', { path, body }, options, (init) =>
      this.#caller.api.PUT('/v1/users/{user_id}', { params: { path }, body, ...init }),
    )
  }

  /** Activates the user a verification token was emailed to. */
  verifyEmail(body: VerifyEmailParams, options?: RequestOptions): APIPromise<User> {
    return this.#caller.call('verifyUserEmail', 'POST', { body }, options, (init) =>
      this.#caller.api.POST('/v1/users/verify-email', { body, ...init }),
    )
  }
}
