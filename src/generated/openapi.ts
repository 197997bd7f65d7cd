// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
export interface paths {
  '/v1/check': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Check case status
     * @description Asks USCIS for the receipt's status now. Every active case tracking the receipt gets
     *     `last_checked`; when the status title or `modified_date` differ from the case's latest
     *     status update, a new status update is recorded, notifications go out and
     *     `case.status_changed` fires. A case's first observation is a baseline: recorded, never
     *     notified.
     */
    post: operations['checkCaseStatus']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/users/verify-email': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Verify email token
     * @description Activates the user the verification token was sent to. A token is single use and
     *     expires 24 hours after it was issued.
     */
    post: operations['verifyUserEmail']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List users
     * @description Users, oldest first, in cursor pages.
     */
    get: operations['listUsers']
    put?: never
    /**
     * Create user
     * @description Registers a user with status `pending_verification` and emails them a verification
     *     token. Emails are unique, compared case-insensitively.
     */
    post: operations['createUser']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/users/{user_id}': {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    /** Get user */
    get: operations['getUser']
    /**
     * Update user
     * @description Partial update: send at least one field. Changing the email returns the user to
     *     `pending_verification` and emails a new verification token. `status` may be set to
     *     `active` or `disabled` only. `metadata` merges into the user's: `""` removes a key.
     */
    put: operations['updateUser']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/users/{user_id}/cases': {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    /**
     * List user cases
     * @description The user's cases, oldest first, in cursor pages.
     */
    get: operations['listUserCases']
    put?: never
    /**
     * Create case
     * @description Starts tracking a receipt for the user. The same receipt cannot be tracked twice by one
     *     user while the first case is active.
     */
    post: operations['createCase']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/cases/{case_id}': {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The case's id. */
        case_id: components['parameters']['CaseId']
      }
      cookie?: never
    }
    /**
     * Get one case
     * @description The case with its user and every recorded status update, newest first.
     */
    get: operations['getCase']
    /**
     * Update case
     * @description Partial update of the user's label, description, tracking flag and metadata; send at
     *     least one field. The receipt number cannot change. `metadata` merges into the case's:
     *     `""` removes a key.
     */
    put: operations['updateCase']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List webhooks
     * @description Webhook endpoints, oldest first, in cursor pages. Secrets are never listed.
     */
    get: operations['listWebhooks']
    put?: never
    /**
     * Create webhook
     * @description Registers an endpoint for the given events (or `["*"]` for all). The response is the
     *     only time the signing secret is shown, apart from a rotation.
     */
    post: operations['createWebhook']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/v1/webhooks/{webhook_id}': {
    parameters: {
      query?: never
      header?: never
      path: {
        /** @description The webhook endpoint's id. */
        webhook_id: components['parameters']['WebhookId']
      }
      cookie?: never
    }
    /** Get webhook */
    get: operations['getWebhook']
    /**
     * Update webhook
     * @description Partial update; send at least one field. `rotate_secret: true` issues a new secret,
     *     returned in this response only; the old secret keeps signing alongside the new one for
     *     24 hours so receivers can switch without losing events.
     */
    put: operations['updateWebhook']
    post?: never
    /**
     * Delete webhook
     * @description Removes the endpoint; no further deliveries are attempted.
     */
    delete: operations['deleteWebhook']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export interface webhooks {
  'user.created': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * user.created
     * @description A user registered.
     */
    post: operations['userCreatedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'user.updated': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * user.updated
     * @description A user's profile, notification settings or status changed.
     */
    post: operations['userUpdatedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'user.verified': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * user.verified
     * @description A user verified their email and is now active.
     */
    post: operations['userVerifiedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'case.created': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * case.created
     * @description A user started tracking a receipt.
     */
    post: operations['caseCreatedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'case.updated': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * case.updated
     * @description A case's label, description, tracking flag or metadata changed.
     */
    post: operations['caseUpdatedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  'case.status_changed': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * case.status_changed
     * @description USCIS reported a new status for a tracked case (never sent for a case's first,
     *     baseline observation).
     */
    post: operations['caseStatusChangedEvent']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export interface components {
  schemas: {
    /**
     * Format: int64
     * @description A positive integer id.
     * @example 42
     */
    Id: number
    /**
     * Format: date-time
     * @description An RFC 3339 UTC timestamp with milliseconds.
     * @example 2026-03-02T14:15:22.123Z
     */
    Timestamp: string
    /**
     * Format: date-time
     * @description An RFC 3339 UTC timestamp with milliseconds, or null when it has not happened.
     * @example 2026-03-02T14:15:22.123Z
     */
    NullableTimestamp: string | null
    /**
     * @description A normalised USCIS receipt number (three letters, ten digits).
     * @example EAC2190012345
     */
    ReceiptNumber: string
    /**
     * @description A USCIS receipt number as people type it (`eac-21-900-12345`); it is trimmed,
     *     upper-cased and stripped of spaces and hyphens, then must be three letters and ten
     *     digits.
     * @example EAC2190012345
     */
    ReceiptNumberInput: string
    /**
     * Format: email
     * @example maria.lopez@example.com
     */
    Email: string
    /**
     * @description An E.164 phone number.
     * @example +14155550123
     */
    Phone: string
    /**
     * @description Your own data on a record, such as the ids your CRM gives it: at most 50 keys, each
     *     1–40 letters, digits, `_` or `-` (`__proto__` is refused), each value a string of 1–500
     *     characters.
     * @example {
     *       "crm_id": "CRM-10442"
     *     }
     */
    Metadata: {
      [key: string]: string
    }
    /**
     * @description Metadata changes, merged into what the record has: a key set to a string is added or
     *     replaced, a key set to `""` is removed, and keys not sent are kept (`{}` changes
     *     nothing). The result may hold at most 50 keys.
     * @example {
     *       "crm_id": "CRM-20931",
     *       "legacy_ref": ""
     *     }
     */
    MetadataUpdate: {
      [key: string]: string
    }
    /**
     * @description `pending_verification` until the email is verified; `disabled` users get no notifications.
     * @enum {string}
     */
    UserStatus: 'pending_verification' | 'active' | 'disabled'
    /**
     * @description `skipped` (baseline, channel off, user not active, WhatsApp without phone), `pending`,
     *     `sent`, or `failed` after 3 attempts.
     * @enum {string}
     */
    NotifyStatus: 'skipped' | 'pending' | 'sent' | 'failed'
    /** @enum {string} */
    ErrorCode:
      | 'bad_request'
      | 'unauthorized'
      | 'not_found'
      | 'receipt_not_found'
      | 'conflict'
      | 'gone'
      | 'payload_too_large'
      | 'validation_failed'
      | 'idempotency_key_reused'
      | 'rate_limited'
      | 'internal_error'
      | 'upstream_error'
      | 'service_unavailable'
    /**
     * @example {
     *       "error": {
     *         "code": "not_found",
     *         "message": "No case with id 999.",
     *         "request_id": "req_8f3a2c1e9b7d4f60"
     *       }
     *     }
     */
    ErrorEnvelope: {
      error: {
        code: components['schemas']['ErrorCode']
        /** @description A sentence for humans saying what went wrong and how to fix it. */
        message: string
        /** @description The request's id, as in `X-Request-Id`. */
        request_id: string
        /** @description One entry per invalid field. */
        details?: components['schemas']['ErrorDetail'][]
      }
    }
    ErrorDetail: {
      /** @description The field's path, dot-separated (`events.0`), or `body` for the body as a whole. */
      field: string
      message: string
    }
    /**
     * @example {
     *       "receipt_number": "EAC2190012345"
     *     }
     */
    CheckRequest: {
      receipt_number: components['schemas']['ReceiptNumberInput']
    }
    CheckResponse: {
      receipt_number: components['schemas']['ReceiptNumber']
      status: components['schemas']['UscisStatus']
      checked_at: components['schemas']['Timestamp']
      /** @description True when a case already tracked saw a new status (a baseline alone is not a change). */
      changed: boolean
      /** @description The active cases tracking this receipt; each got `last_checked`. */
      checked_case_ids: components['schemas']['Id'][]
      /** @description The cases for which a new status update was recorded (baselines included). */
      updated_case_ids: components['schemas']['Id'][]
    }
    /** @description A receipt's status as USCIS reports it, in English and Spanish. */
    UscisStatus: {
      /** @example I-485 */
      form_type: string
      /** @description The status title in English. */
      status_code: string
      /** @description The status text in English. */
      status_description: string
      /** @description The status title in Spanish. */
      status_code_es: string
      /** @description The status text in Spanish. */
      status_description_es: string
      submitted_date: components['schemas']['Timestamp']
      modified_date: components['schemas']['Timestamp']
      /** @description Earlier statuses, newest first. */
      history: components['schemas']['StatusHistoryEntry'][]
    }
    StatusHistoryEntry: {
      /** Format: date */
      date: string
      completed_text_en: string
      completed_text_es: string
    }
    /**
     * @example {
     *       "token": "vt_3k9Qm2xLw8RtY5nB7cVd1eFg"
     *     }
     */
    VerifyEmailRequest: {
      /** @description The token from the verification email. */
      token: string
    }
    /**
     * @example {
     *       "id": 7,
     *       "email": "maria.lopez@example.com",
     *       "name": "María López",
     *       "phone": "+14155550123",
     *       "notify_by_email": true,
     *       "notify_by_whatsapp": true,
     *       "status": "active",
     *       "created_at": "2026-03-01T09:30:00.000Z",
     *       "updated_at": "2026-03-01T09:41:12.345Z",
     *       "metadata": {
     *         "crm_id": "CRM-10442"
     *       }
     *     }
     */
    User: {
      id: components['schemas']['Id']
      email: components['schemas']['Email']
      name: string
      /** @description E.164 phone number for WhatsApp, or null. */
      phone: string | null
      notify_by_email: boolean
      notify_by_whatsapp: boolean
      status: components['schemas']['UserStatus']
      metadata: components['schemas']['Metadata']
      created_at: components['schemas']['Timestamp']
      updated_at: components['schemas']['Timestamp']
    }
    /**
     * @description `notify_by_whatsapp: true` needs a `phone`.
     * @example {
     *       "email": "maria.lopez@example.com",
     *       "name": "María López",
     *       "phone": "+14155550123",
     *       "notify_by_email": true,
     *       "notify_by_whatsapp": true,
     *       "metadata": {
     *         "crm_id": "CRM-10442"
     *       }
     *     }
     */
    UserCreateRequest: {
      email: components['schemas']['Email']
      name: string
      phone?: components['schemas']['Phone']
      /** @default true */
      notify_by_email?: boolean
      /** @default false */
      notify_by_whatsapp?: boolean
      metadata?: components['schemas']['Metadata']
    }
    /**
     * @description Send at least one field. A new `email` needs verifying again; `phone: null` removes the
     *     phone (and needs `notify_by_whatsapp` off).
     * @example {
     *       "name": "María López García",
     *       "notify_by_whatsapp": false
     *     }
     */
    UserUpdateRequest: {
      email?: components['schemas']['Email']
      name?: string
      phone?: string | null
      notify_by_email?: boolean
      notify_by_whatsapp?: boolean
      /** @enum {string} */
      status?: 'active' | 'disabled'
      metadata?: components['schemas']['MetadataUpdate']
    }
    UserList: {
      data: components['schemas']['User'][]
      has_more: boolean
      /** @description Pass as `cursor` for the next page; null on the last page. */
      next_cursor: string | null
      /** @description How many items match the filters across all pages. */
      total: number
    }
    /** @description The case's latest recorded status, in brief. */
    CaseStatusSummary: {
      status_update_id: components['schemas']['Id']
      status_code: string
      status_code_es: string
      form_type: string
      modified_date: components['schemas']['Timestamp']
      recorded_at: components['schemas']['Timestamp']
    }
    /**
     * @example {
     *       "id": 42,
     *       "user_id": 7,
     *       "user_case_id": "Green card",
     *       "receipt_number": "EAC2190012345",
     *       "description": "Adjustment of status filed with my spouse's petition",
     *       "created_at": "2026-03-01T09:45:00.000Z",
     *       "last_checked": null,
     *       "active": true,
     *       "metadata": {
     *         "crm_case_id": "OPP-2291"
     *       },
     *       "latest_status": null
     *     }
     */
    CaseSummary: {
      id: components['schemas']['Id']
      user_id: components['schemas']['Id']
      /** @description The user's own label for the case. */
      user_case_id: string | null
      receipt_number: components['schemas']['ReceiptNumber']
      description: string | null
      created_at: components['schemas']['Timestamp']
      last_checked: components['schemas']['NullableTimestamp']
      /** @description Whether ImmigraFlow keeps checking this case. */
      active: boolean
      metadata: components['schemas']['Metadata']
      /** @description The newest status update, or null before the first check. */
      latest_status: components['schemas']['CaseStatusSummary'] | null
    }
    /** @description A case with its user embedded. */
    CaseWithUser: components['schemas']['CaseSummary'] & {
      user: components['schemas']['User']
    }
    /**
     * @example {
     *       "receipt_number": "EAC2190012345",
     *       "user_case_id": "Green card",
     *       "description": "Adjustment of status filed with my spouse's petition",
     *       "metadata": {
     *         "crm_case_id": "OPP-2291"
     *       }
     *     }
     */
    CaseCreateRequest: {
      receipt_number: components['schemas']['ReceiptNumberInput']
      /** @description Your own label for the case. */
      user_case_id?: string
      description?: string
      metadata?: components['schemas']['Metadata']
    }
    /**
     * @description Send at least one field; `null` clears a text field.
     * @example {
     *       "description": "Approved; waiting for the card",
     *       "active": false,
     *       "metadata": {
     *         "stage": "card_production"
     *       }
     *     }
     */
    CaseUpdateRequest: {
      user_case_id?: string | null
      description?: string | null
      active?: boolean
      metadata?: components['schemas']['MetadataUpdate']
    }
    CaseList: {
      data: components['schemas']['CaseSummary'][]
      has_more: boolean
      /** @description Pass as `cursor` for the next page; null on the last page. */
      next_cursor: string | null
      /** @description How many items match the filters across all pages. */
      total: number
    }
    /** @description One recorded USCIS status of a case, with its notification outcomes. */
    StatusUpdate: {
      id: components['schemas']['Id']
      case_id: components['schemas']['Id']
      /** @description The status title in English, as USCIS words it. */
      status_code: string
      /** @description The status text in English. */
      status_description: string
      form_type: string
      /** @description What ImmigraFlow observed (first status, or the change from the previous title). */
      detail_message: string
      status_code_es: string
      status_description_es: string
      submitted_date: components['schemas']['Timestamp']
      modified_date: components['schemas']['Timestamp']
      /** @description Earlier USCIS statuses, newest first. */
      history: components['schemas']['StatusHistoryEntry'][]
      timestamp: components['schemas']['Timestamp']
      /** @description How many channels the notification was sent on. */
      notified: number
      email_notify_status: components['schemas']['NotifyStatus']
      whatsapp_notify_status: components['schemas']['NotifyStatus']
      email_notify_attempts: number
      whatsapp_notify_attempts: number
      email_notify_last_error: string | null
      whatsapp_notify_last_error: string | null
      email_notify_sent_at: components['schemas']['NullableTimestamp']
      whatsapp_notify_sent_at: components['schemas']['NullableTimestamp']
    }
    CaseDetailsResponse: {
      case: components['schemas']['CaseWithUser']
      /** @description Every recorded status, newest first. */
      status_updates: components['schemas']['StatusUpdate'][]
      update_count: number
    }
    /**
     * @example {
     *       "id": 3,
     *       "url": "https://hooks.example.com/immigraflow",
     *       "events": [
     *         "case.status_changed",
     *         "case.created"
     *       ],
     *       "description": "Case updates for the CRM",
     *       "active": true,
     *       "disabled_reason": null,
     *       "created_at": "2026-02-20T08:00:00.000Z",
     *       "updated_at": "2026-02-20T08:00:00.000Z"
     *     }
     */
    Webhook: {
      id: components['schemas']['Id']
      /** Format: uri */
      url: string
      events: components['schemas']['WebhookEventSelection']
      description: string | null
      /** @description False when paused by you or disabled after the receiver answered 410. */
      active: boolean
      /** @description Why ImmigraFlow disabled the endpoint, if it did. */
      disabled_reason: string | null
      created_at: components['schemas']['Timestamp']
      updated_at: components['schemas']['Timestamp']
      /** @description The signing secret; present only in the create response and after `rotate_secret`. */
      secret?: string
    }
    /** @description Some of the event types (each at most once), or `["*"]` for all of them, present and future. */
    WebhookEventSelection: components['schemas']['EventType'][] | '*'[]
    /**
     * @description The type of a webhook event.
     * @enum {string}
     */
    EventType:
      | 'user.created'
      | 'user.updated'
      | 'user.verified'
      | 'case.created'
      | 'case.updated'
      | 'case.status_changed'
    /**
     * Format: uri
     * @description An https URL (http is allowed for localhost and 127.0.0.1).
     * @example https://hooks.example.com/immigraflow
     */
    WebhookUrl: string
    /**
     * @example {
     *       "url": "https://hooks.example.com/immigraflow",
     *       "events": [
     *         "case.status_changed",
     *         "case.created"
     *       ],
     *       "description": "Case updates for the CRM"
     *     }
     */
    WebhookCreateRequest: {
      url: components['schemas']['WebhookUrl']
      events: components['schemas']['WebhookEventSelection']
      description?: string
      /** @default true */
      active?: boolean
    }
    /**
     * @example {
     *       "events": [
     *         "*"
     *       ],
     *       "rotate_secret": true
     *     }
     */
    WebhookUpdateRequest: {
      url?: components['schemas']['WebhookUrl']
      events?: components['schemas']['WebhookEventSelection']
      description?: string | null
      active?: boolean
      /** @description Issue a new secret; the old one keeps signing alongside it for 24 hours. */
      rotate_secret?: boolean
    }
    WebhookList: {
      data: components['schemas']['Webhook'][]
      has_more: boolean
      /** @description Pass as `cursor` for the next page; null on the last page. */
      next_cursor: string | null
      /** @description How many items match across all pages. */
      total: number
    }
    /** @example evt_2Hq8sKd93LmQx7Vb */
    EventId: string
    UserCreatedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'user.created'
      created_at: components['schemas']['Timestamp']
      data: components['schemas']['User']
    }
    UserUpdatedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'user.updated'
      created_at: components['schemas']['Timestamp']
      data: components['schemas']['User']
    }
    UserVerifiedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'user.verified'
      created_at: components['schemas']['Timestamp']
      data: components['schemas']['User']
    }
    CaseCreatedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'case.created'
      created_at: components['schemas']['Timestamp']
      data: components['schemas']['CaseSummary']
    }
    CaseUpdatedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'case.updated'
      created_at: components['schemas']['Timestamp']
      data: components['schemas']['CaseSummary']
    }
    CaseStatusChangedEvent: {
      id: components['schemas']['EventId']
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      type: 'case.status_changed'
      created_at: components['schemas']['Timestamp']
      data: {
        case: components['schemas']['CaseSummary']
        status_update: components['schemas']['StatusUpdate']
        /** @description The status title before this change. */
        previous_status_code: string | null
      }
    }
    /** @description Any event ImmigraFlow sends, told apart by `type`. */
    WebhookEvent:
      | components['schemas']['UserCreatedEvent']
      | components['schemas']['UserUpdatedEvent']
      | components['schemas']['UserVerifiedEvent']
      | components['schemas']['CaseCreatedEvent']
      | components['schemas']['CaseUpdatedEvent']
      | components['schemas']['CaseStatusChangedEvent']
  }
  responses: {
    /** @description The body is not JSON or not sent as `application/json`. */
    BadRequest: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "bad_request",
         *         "message": "The request body is not valid JSON: Unexpected token } in JSON at position 17.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description The API key is missing or not valid. */
    Unauthorized: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "unauthorized",
         *         "message": "Missing API key. Send it as \"Authorization: Bearer <api key>\".",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description No such resource, or no such verification token. */
    NotFound: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "not_found",
         *         "message": "No user with id 999.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description USCIS does not know this receipt number. */
    ReceiptNotFound: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "receipt_not_found",
         *         "message": "USCIS has no case with receipt number EAC2190012349.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /**
     * @description The request conflicts with existing data: the email is taken, the receipt is already
     *     tracked by this user, or the verification token was already used.
     */
    Conflict: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "conflict",
         *         "message": "A user with email maria.lopez@example.com already exists.",
         *         "request_id": "req_8f3a2c1e9b7d4f60",
         *         "details": [
         *           {
         *             "field": "email",
         *             "message": "already registered"
         *           }
         *         ]
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description The verification token expired (tokens last 24 hours). */
    Gone: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "gone",
         *         "message": "This verification token expired on 2026-03-02T09:30:00.000Z. Update the user's email to get a new one.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description The body is larger than 1 MiB. */
    PayloadTooLarge: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "payload_too_large",
         *         "message": "The request body is 1572864 bytes; the limit is 1048576 bytes (1 MiB).",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /**
     * @description The request breaks the schema (one `details` entry per field), or an `Idempotency-Key`
     *     was reused with a different body (`idempotency_key_reused`).
     */
    ValidationFailed: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description Too many requests, or USCIS is throttling checks; retry after `Retry-After` seconds. */
    RateLimited: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        'Retry-After': components['headers']['RetryAfter']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "rate_limited",
         *         "message": "Too many requests. Retry after 30 seconds.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description Something went wrong on ImmigraFlow's side. */
    InternalError: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "internal_error",
         *         "message": "An unexpected error occurred. It has been logged; quote the request id if you contact support.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description USCIS answered with an error ImmigraFlow could not use. */
    UpstreamError: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "upstream_error",
         *         "message": "USCIS returned an unreadable answer for EAC2190012345.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description ImmigraFlow or USCIS is unavailable; retry after `Retry-After` seconds. */
    ServiceUnavailable: {
      headers: {
        'X-Request-Id': components['headers']['XRequestId']
        'x-should-retry': components['headers']['ShouldRetry']
        'Retry-After': components['headers']['RetryAfter']
        [name: string]: unknown
      }
      content: {
        /**
         * @example {
         *       "error": {
         *         "code": "service_unavailable",
         *         "message": "USCIS is not answering. Retry after 60 seconds.",
         *         "request_id": "req_8f3a2c1e9b7d4f60"
         *       }
         *     }
         */
        'application/json': components['schemas']['ErrorEnvelope']
      }
    }
    /** @description Any 2xx status acknowledges the event; answer quickly and process it afterwards. */
    WebhookAccepted: {
      headers: {
        [name: string]: unknown
      }
      content?: never
    }
    /** @description The receiver no longer wants events; ImmigraFlow disables the endpoint. */
    WebhookGone: {
      headers: {
        [name: string]: unknown
      }
      content?: never
    }
  }
  parameters: {
    /** @description The user's id. */
    UserId: components['schemas']['Id']
    /** @description The case's id. */
    CaseId: components['schemas']['Id']
    /** @description The webhook endpoint's id. */
    WebhookId: components['schemas']['Id']
    /** @description How many items a page holds. */
    Limit: number
    /** @description The `next_cursor` of the previous page; omit it for the first page. */
    Cursor: string
    /**
     * @description Only records whose metadata has each of these values, compared exactly:
     *     `metadata[crm_id]=CRM-10442&metadata[region]=west` matches records with both.
     * @example {
     *       "crm_id": "CRM-10442"
     *     }
     */
    MetadataFilter: components['schemas']['Metadata']
    /**
     * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
     *     key with a different body is rejected with 422 `idempotency_key_reused`.
     */
    IdempotencyKey: string
    /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
    RequestId: string
    /**
     * @description The SDK, runtime and operating system that sent the request, as
     *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
     *     their `telemetry` option is off. Informational: the API answers the same without it.
     * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
     */
    ImmigraFlowClient: string
    /**
     * @description The message id, the same on every retry of one event; use it to drop duplicates.
     * @example msg_2Hq8sKd93LmQx7Vb
     */
    WebhookIdHeader: string
    /**
     * @description When this attempt was sent, in seconds since the Unix epoch.
     * @example 1772460922
     */
    WebhookTimestampHeader: string
    /**
     * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
     *     one for each active signing secret.
     * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
     */
    WebhookSignatureHeader: string
  }
  requestBodies: never
  headers: {
    /**
     * @description The caller's `X-Request-Id` if it sent one, else an id generated for this request.
     * @example req_8f3a2c1e9b7d4f60
     */
    XRequestId: string
    /** @description `true` when this response is a replay of an earlier request with the same `Idempotency-Key`. */
    IdempotentReplayed: 'true'
    /**
     * @description The server's advice on retrying this request: `true` to retry it (after `Retry-After` when
     *     sent), `false` not to, whatever the status. The SDKs follow it over their status rules.
     */
    ShouldRetry: 'true' | 'false'
    /**
     * @description Seconds to wait before retrying.
     * @example 30
     */
    RetryAfter: number
  }
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  checkCaseStatus: {
    parameters: {
      query?: never
      header?: {
        /**
         * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
         *     key with a different body is rejected with 422 `idempotency_key_reused`.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey']
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "receipt_number": "EAC2190012345"
         *     }
         */
        'application/json': components['schemas']['CheckRequest']
      }
    }
    responses: {
      /** @description The receipt's current USCIS status and what changed. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          'Idempotent-Replayed': components['headers']['IdempotentReplayed']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "receipt_number": "EAC2190012345",
           *       "status": {
           *         "form_type": "I-485",
           *         "status_code": "Case Was Approved",
           *         "status_description": "On March 2, 2026, we approved your Form I-485, Application to Register Permanent Residence or Adjust Status, Receipt Number EAC2190012345. We will mail your approval notice.",
           *         "status_code_es": "Caso Fue Aprobado",
           *         "status_description_es": "El 2 de marzo de 2026, aprobamos su Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, Número de Recibo EAC2190012345. Le enviaremos por correo su aviso de aprobación.",
           *         "submitted_date": "2025-11-03T00:00:00.000Z",
           *         "modified_date": "2026-03-02T00:00:00.000Z",
           *         "history": [
           *           {
           *             "date": "2026-01-12",
           *             "completed_text_en": "Case Is Being Actively Reviewed By USCIS",
           *             "completed_text_es": "Caso Está Siendo Revisado Activamente Por USCIS"
           *           },
           *           {
           *             "date": "2025-11-03",
           *             "completed_text_en": "Case Was Received",
           *             "completed_text_es": "Caso Fue Recibido"
           *           }
           *         ]
           *       },
           *       "checked_at": "2026-03-02T14:15:22.123Z",
           *       "changed": true,
           *       "checked_case_ids": [
           *         42,
           *         57
           *       ],
           *       "updated_case_ids": [
           *         42
           *       ]
           *     }
           */
          'application/json': components['schemas']['CheckResponse']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['ReceiptNotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      502: components['responses']['UpstreamError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  verifyUserEmail: {
    parameters: {
      query?: never
      header?: {
        /**
         * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
         *     key with a different body is rejected with 422 `idempotency_key_reused`.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey']
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "token": "vt_3k9Qm2xLw8RtY5nB7cVd1eFg"
         *     }
         */
        'application/json': components['schemas']['VerifyEmailRequest']
      }
    }
    responses: {
      /** @description The user, now active. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          'Idempotent-Replayed': components['headers']['IdempotentReplayed']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 7,
           *       "email": "maria.lopez@example.com",
           *       "name": "María López",
           *       "phone": "+14155550123",
           *       "notify_by_email": true,
           *       "notify_by_whatsapp": true,
           *       "status": "active",
           *       "created_at": "2026-03-01T09:30:00.000Z",
           *       "updated_at": "2026-03-01T09:41:12.345Z",
           *       "metadata": {
           *         "crm_id": "CRM-10442"
           *       }
           *     }
           */
          'application/json': components['schemas']['User']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      409: components['responses']['Conflict']
      410: components['responses']['Gone']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  listUsers: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        limit?: components['parameters']['Limit']
        /** @description The `next_cursor` of the previous page; omit it for the first page. */
        cursor?: components['parameters']['Cursor']
        /** @description Only users with this status. */
        status?: components['schemas']['UserStatus']
        /** @description Only the user with this email (compared case-insensitively). */
        email?: string
        /**
         * @description Only records whose metadata has each of these values, compared exactly:
         *     `metadata[crm_id]=CRM-10442&metadata[region]=west` matches records with both.
         * @example {
         *       "crm_id": "CRM-10442"
         *     }
         */
        metadata?: components['parameters']['MetadataFilter']
      }
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of users. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "data": [
           *         {
           *           "id": 7,
           *           "email": "maria.lopez@example.com",
           *           "name": "María López",
           *           "phone": "+14155550123",
           *           "notify_by_email": true,
           *           "notify_by_whatsapp": true,
           *           "status": "active",
           *           "created_at": "2026-03-01T09:30:00.000Z",
           *           "updated_at": "2026-03-01T09:41:12.345Z",
           *           "metadata": {
           *             "crm_id": "CRM-10442"
           *           }
           *         },
           *         {
           *           "id": 8,
           *           "email": "wei.chen@example.com",
           *           "name": "Wei Chen",
           *           "phone": null,
           *           "notify_by_email": true,
           *           "notify_by_whatsapp": false,
           *           "status": "pending_verification",
           *           "created_at": "2026-03-01T10:02:45.000Z",
           *           "updated_at": "2026-03-01T10:02:45.000Z",
           *           "metadata": {
           *             "crm_id": "CRM-10517"
           *           }
           *         }
           *       ],
           *       "has_more": true,
           *       "next_cursor": "eyJpZCI6OH0",
           *       "total": 31
           *     }
           */
          'application/json': components['schemas']['UserList']
        }
      }
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  createUser: {
    parameters: {
      query?: never
      header?: {
        /**
         * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
         *     key with a different body is rejected with 422 `idempotency_key_reused`.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey']
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "maria.lopez@example.com",
         *       "name": "María López",
         *       "phone": "+14155550123",
         *       "notify_by_email": true,
         *       "notify_by_whatsapp": true,
         *       "metadata": {
         *         "crm_id": "CRM-10442"
         *       }
         *     }
         */
        'application/json': components['schemas']['UserCreateRequest']
      }
    }
    responses: {
      /** @description The new user, waiting for email verification. */
      201: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          'Idempotent-Replayed': components['headers']['IdempotentReplayed']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 7,
           *       "email": "maria.lopez@example.com",
           *       "name": "María López",
           *       "phone": "+14155550123",
           *       "notify_by_email": true,
           *       "notify_by_whatsapp": true,
           *       "status": "pending_verification",
           *       "created_at": "2026-03-01T09:30:00.000Z",
           *       "updated_at": "2026-03-01T09:30:00.000Z",
           *       "metadata": {
           *         "crm_id": "CRM-10442"
           *       }
           *     }
           */
          'application/json': components['schemas']['User']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  getUser: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The user. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 7,
           *       "email": "maria.lopez@example.com",
           *       "name": "María López",
           *       "phone": "+14155550123",
           *       "notify_by_email": true,
           *       "notify_by_whatsapp": true,
           *       "status": "active",
           *       "created_at": "2026-03-01T09:30:00.000Z",
           *       "updated_at": "2026-03-01T09:41:12.345Z",
           *       "metadata": {
           *         "crm_id": "CRM-10442"
           *       }
           *     }
           */
          'application/json': components['schemas']['User']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  updateUser: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "María López García",
         *       "notify_by_whatsapp": false
         *     }
         */
        'application/json': components['schemas']['UserUpdateRequest']
      }
    }
    responses: {
      /** @description The updated user. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 7,
           *       "email": "maria.lopez@example.com",
           *       "name": "María López García",
           *       "phone": "+14155550123",
           *       "notify_by_email": true,
           *       "notify_by_whatsapp": false,
           *       "status": "active",
           *       "created_at": "2026-03-01T09:30:00.000Z",
           *       "updated_at": "2026-03-04T16:20:05.009Z",
           *       "metadata": {
           *         "crm_id": "CRM-10442"
           *       }
           *     }
           */
          'application/json': components['schemas']['User']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  listUserCases: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        limit?: components['parameters']['Limit']
        /** @description The `next_cursor` of the previous page; omit it for the first page. */
        cursor?: components['parameters']['Cursor']
        /** @description Only cases that are (true) or are not (false) being tracked. */
        active?: boolean
        /**
         * @description Only records whose metadata has each of these values, compared exactly:
         *     `metadata[crm_id]=CRM-10442&metadata[region]=west` matches records with both.
         * @example {
         *       "crm_id": "CRM-10442"
         *     }
         */
        metadata?: components['parameters']['MetadataFilter']
      }
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of the user's cases. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "data": [
           *         {
           *           "id": 42,
           *           "user_id": 7,
           *           "user_case_id": "Green card",
           *           "receipt_number": "EAC2190012345",
           *           "description": "Adjustment of status filed with my spouse's petition",
           *           "created_at": "2026-03-01T09:45:00.000Z",
           *           "last_checked": "2026-03-02T14:15:22.123Z",
           *           "active": true,
           *           "metadata": {
           *             "crm_case_id": "OPP-2291"
           *           },
           *           "latest_status": {
           *             "status_update_id": 311,
           *             "status_code": "Case Was Approved",
           *             "status_code_es": "Caso Fue Aprobado",
           *             "form_type": "I-485",
           *             "modified_date": "2026-03-02T00:00:00.000Z",
           *             "recorded_at": "2026-03-02T14:15:22.123Z"
           *           }
           *         }
           *       ],
           *       "has_more": false,
           *       "next_cursor": null,
           *       "total": 1
           *     }
           */
          'application/json': components['schemas']['CaseList']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  createCase: {
    parameters: {
      query?: never
      header?: {
        /**
         * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
         *     key with a different body is rejected with 422 `idempotency_key_reused`.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey']
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The user's id. */
        user_id: components['parameters']['UserId']
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "receipt_number": "EAC2190012345",
         *       "user_case_id": "Green card",
         *       "description": "Adjustment of status filed with my spouse's petition",
         *       "metadata": {
         *         "crm_case_id": "OPP-2291"
         *       }
         *     }
         */
        'application/json': components['schemas']['CaseCreateRequest']
      }
    }
    responses: {
      /** @description The new case with its (still empty) status history. */
      201: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          'Idempotent-Replayed': components['headers']['IdempotentReplayed']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "case": {
           *         "id": 42,
           *         "user_id": 7,
           *         "user_case_id": "Green card",
           *         "receipt_number": "EAC2190012345",
           *         "description": "Adjustment of status filed with my spouse's petition",
           *         "created_at": "2026-03-01T09:45:00.000Z",
           *         "last_checked": null,
           *         "active": true,
           *         "metadata": {
           *           "crm_case_id": "OPP-2291"
           *         },
           *         "latest_status": null,
           *         "user": {
           *           "id": 7,
           *           "email": "maria.lopez@example.com",
           *           "name": "María López",
           *           "phone": "+14155550123",
           *           "notify_by_email": true,
           *           "notify_by_whatsapp": true,
           *           "status": "active",
           *           "created_at": "2026-03-01T09:30:00.000Z",
           *           "updated_at": "2026-03-01T09:41:12.345Z",
           *           "metadata": {
           *             "crm_id": "CRM-10442"
           *           }
           *         }
           *       },
           *       "status_updates": [],
           *       "update_count": 0
           *     }
           */
          'application/json': components['schemas']['CaseDetailsResponse']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  getCase: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The case's id. */
        case_id: components['parameters']['CaseId']
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The case and its status history. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "case": {
           *         "id": 42,
           *         "user_id": 7,
           *         "user_case_id": "Green card",
           *         "receipt_number": "EAC2190012345",
           *         "description": "Adjustment of status filed with my spouse's petition",
           *         "created_at": "2026-03-01T09:45:00.000Z",
           *         "last_checked": "2026-03-02T14:15:22.123Z",
           *         "active": true,
           *         "metadata": {
           *           "crm_case_id": "OPP-2291"
           *         },
           *         "latest_status": {
           *           "status_update_id": 311,
           *           "status_code": "Case Was Approved",
           *           "status_code_es": "Caso Fue Aprobado",
           *           "form_type": "I-485",
           *           "modified_date": "2026-03-02T00:00:00.000Z",
           *           "recorded_at": "2026-03-02T14:15:22.123Z"
           *         },
           *         "user": {
           *           "id": 7,
           *           "email": "maria.lopez@example.com",
           *           "name": "María López",
           *           "phone": "+14155550123",
           *           "notify_by_email": true,
           *           "notify_by_whatsapp": true,
           *           "status": "active",
           *           "created_at": "2026-03-01T09:30:00.000Z",
           *           "updated_at": "2026-03-01T09:41:12.345Z",
           *           "metadata": {
           *             "crm_id": "CRM-10442"
           *           }
           *         }
           *       },
           *       "status_updates": [
           *         {
           *           "id": 311,
           *           "case_id": 42,
           *           "status_code": "Case Was Approved",
           *           "status_description": "On March 2, 2026, we approved your Form I-485, Application to Register Permanent Residence or Adjust Status, Receipt Number EAC2190012345. We will mail your approval notice.",
           *           "form_type": "I-485",
           *           "detail_message": "Status changed from \"Case Is Being Actively Reviewed By USCIS\" to \"Case Was Approved\".",
           *           "status_code_es": "Caso Fue Aprobado",
           *           "status_description_es": "El 2 de marzo de 2026, aprobamos su Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, Número de Recibo EAC2190012345. Le enviaremos por correo su aviso de aprobación.",
           *           "submitted_date": "2025-11-03T00:00:00.000Z",
           *           "modified_date": "2026-03-02T00:00:00.000Z",
           *           "history": [
           *             {
           *               "date": "2026-01-12",
           *               "completed_text_en": "Case Is Being Actively Reviewed By USCIS",
           *               "completed_text_es": "Caso Está Siendo Revisado Activamente Por USCIS"
           *             },
           *             {
           *               "date": "2025-11-03",
           *               "completed_text_en": "Case Was Received",
           *               "completed_text_es": "Caso Fue Recibido"
           *             }
           *           ],
           *           "timestamp": "2026-03-02T14:15:22.123Z",
           *           "notified": 1,
           *           "email_notify_status": "sent",
           *           "whatsapp_notify_status": "failed",
           *           "email_notify_attempts": 1,
           *           "whatsapp_notify_attempts": 3,
           *           "email_notify_last_error": null,
           *           "whatsapp_notify_last_error": "WhatsApp rejected the message: recipient not on WhatsApp",
           *           "email_notify_sent_at": "2026-03-02T14:15:23.001Z",
           *           "whatsapp_notify_sent_at": null
           *         },
           *         {
           *           "id": 207,
           *           "case_id": 42,
           *           "status_code": "Case Is Being Actively Reviewed By USCIS",
           *           "status_description": "As of January 12, 2026, we are actively reviewing your Form I-485, Application to Register Permanent Residence or Adjust Status, Receipt Number EAC2190012345.",
           *           "form_type": "I-485",
           *           "detail_message": "First status observed for this case.",
           *           "status_code_es": "Caso Está Siendo Revisado Activamente Por USCIS",
           *           "status_description_es": "A partir del 12 de enero de 2026, estamos revisando activamente su Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, Número de Recibo EAC2190012345.",
           *           "submitted_date": "2025-11-03T00:00:00.000Z",
           *           "modified_date": "2026-01-12T00:00:00.000Z",
           *           "history": [
           *             {
           *               "date": "2025-11-03",
           *               "completed_text_en": "Case Was Received",
           *               "completed_text_es": "Caso Fue Recibido"
           *             }
           *           ],
           *           "timestamp": "2026-03-01T09:45:01.500Z",
           *           "notified": 0,
           *           "email_notify_status": "skipped",
           *           "whatsapp_notify_status": "skipped",
           *           "email_notify_attempts": 0,
           *           "whatsapp_notify_attempts": 0,
           *           "email_notify_last_error": null,
           *           "whatsapp_notify_last_error": null,
           *           "email_notify_sent_at": null,
           *           "whatsapp_notify_sent_at": null
           *         }
           *       ],
           *       "update_count": 2
           *     }
           */
          'application/json': components['schemas']['CaseDetailsResponse']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  updateCase: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The case's id. */
        case_id: components['parameters']['CaseId']
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "description": "Approved; waiting for the card",
         *       "active": false,
         *       "metadata": {
         *         "stage": "card_production"
         *       }
         *     }
         */
        'application/json': components['schemas']['CaseUpdateRequest']
      }
    }
    responses: {
      /** @description The updated case. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 42,
           *       "user_id": 7,
           *       "user_case_id": "Green card",
           *       "receipt_number": "EAC2190012345",
           *       "description": "Approved; waiting for the card",
           *       "created_at": "2026-03-01T09:45:00.000Z",
           *       "last_checked": "2026-03-02T14:15:22.123Z",
           *       "active": false,
           *       "metadata": {
           *         "crm_case_id": "OPP-2291",
           *         "stage": "card_production"
           *       },
           *       "latest_status": {
           *         "status_update_id": 311,
           *         "status_code": "Case Was Approved",
           *         "status_code_es": "Caso Fue Aprobado",
           *         "form_type": "I-485",
           *         "modified_date": "2026-03-02T00:00:00.000Z",
           *         "recorded_at": "2026-03-02T14:15:22.123Z"
           *       }
           *     }
           */
          'application/json': components['schemas']['CaseSummary']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      409: components['responses']['Conflict']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  listWebhooks: {
    parameters: {
      query?: {
        /** @description How many items a page holds. */
        limit?: components['parameters']['Limit']
        /** @description The `next_cursor` of the previous page; omit it for the first page. */
        cursor?: components['parameters']['Cursor']
      }
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description A page of webhook endpoints. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "data": [
           *         {
           *           "id": 3,
           *           "url": "https://hooks.example.com/immigraflow",
           *           "events": [
           *             "case.status_changed",
           *             "case.created"
           *           ],
           *           "description": "Case updates for the CRM",
           *           "active": true,
           *           "disabled_reason": null,
           *           "created_at": "2026-02-20T08:00:00.000Z",
           *           "updated_at": "2026-02-20T08:00:00.000Z"
           *         }
           *       ],
           *       "has_more": false,
           *       "next_cursor": null,
           *       "total": 1
           *     }
           */
          'application/json': components['schemas']['WebhookList']
        }
      }
      401: components['responses']['Unauthorized']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  createWebhook: {
    parameters: {
      query?: never
      header?: {
        /**
         * @description Makes a retried `POST` safe: the first response is replayed for 24 hours. Reusing the
         *     key with a different body is rejected with 422 `idempotency_key_reused`.
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey']
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "url": "https://hooks.example.com/immigraflow",
         *       "events": [
         *         "case.status_changed",
         *         "case.created"
         *       ],
         *       "description": "Case updates for the CRM"
         *     }
         */
        'application/json': components['schemas']['WebhookCreateRequest']
      }
    }
    responses: {
      /** @description The new endpoint with its signing secret. */
      201: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          'Idempotent-Replayed': components['headers']['IdempotentReplayed']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 3,
           *       "url": "https://hooks.example.com/immigraflow",
           *       "events": [
           *         "case.status_changed",
           *         "case.created"
           *       ],
           *       "description": "Case updates for the CRM",
           *       "active": true,
           *       "disabled_reason": null,
           *       "created_at": "2026-02-20T08:00:00.000Z",
           *       "updated_at": "2026-02-20T08:00:00.000Z",
           *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwC2Q1bU0Xs3k="
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  getWebhook: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The webhook endpoint's id. */
        webhook_id: components['parameters']['WebhookId']
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description The webhook endpoint (without its secret). */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 3,
           *       "url": "https://hooks.example.com/immigraflow",
           *       "events": [
           *         "case.status_changed",
           *         "case.created"
           *       ],
           *       "description": "Case updates for the CRM",
           *       "active": true,
           *       "disabled_reason": null,
           *       "created_at": "2026-02-20T08:00:00.000Z",
           *       "updated_at": "2026-02-20T08:00:00.000Z"
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  updateWebhook: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The webhook endpoint's id. */
        webhook_id: components['parameters']['WebhookId']
      }
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "events": [
         *         "*"
         *       ],
         *       "rotate_secret": true
         *     }
         */
        'application/json': components['schemas']['WebhookUpdateRequest']
      }
    }
    responses: {
      /** @description The updated endpoint; with `secret` after a rotation. */
      200: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content: {
          /**
           * @example {
           *       "id": 3,
           *       "url": "https://hooks.example.com/immigraflow",
           *       "events": [
           *         "*"
           *       ],
           *       "description": "Case updates for the CRM",
           *       "active": true,
           *       "disabled_reason": null,
           *       "created_at": "2026-02-20T08:00:00.000Z",
           *       "updated_at": "2026-03-05T11:00:00.000Z",
           *       "secret": "whsec_hF0bJ3nQm0v6w8mZrQ2hX2c1fC7oQy9oJ5fYb8Qk2sE="
           *     }
           */
          'application/json': components['schemas']['Webhook']
        }
      }
      400: components['responses']['BadRequest']
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      413: components['responses']['PayloadTooLarge']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  deleteWebhook: {
    parameters: {
      query?: never
      header?: {
        /** @description Your own id for this request, echoed in the response's `X-Request-Id`. */
        'X-Request-Id'?: components['parameters']['RequestId']
        /**
         * @description The SDK, runtime and operating system that sent the request, as
         *     `immigraflow-js/<version> (<runtime> <version>; <os>)`; sent by the official SDKs unless
         *     their `telemetry` option is off. Informational: the API answers the same without it.
         * @example immigraflow-js/0.2.0 (node 20.20.2; linux)
         */
        'X-ImmigraFlow-Client'?: components['parameters']['ImmigraFlowClient']
      }
      path: {
        /** @description The webhook endpoint's id. */
        webhook_id: components['parameters']['WebhookId']
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          'X-Request-Id': components['headers']['XRequestId']
          [name: string]: unknown
        }
        content?: never
      }
      401: components['responses']['Unauthorized']
      404: components['responses']['NotFound']
      422: components['responses']['ValidationFailed']
      429: components['responses']['RateLimited']
      500: components['responses']['InternalError']
      503: components['responses']['ServiceUnavailable']
    }
  }
  userCreatedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_2Hq8sKd93LmQx7Vb",
         *       "type": "user.created",
         *       "created_at": "2026-03-01T09:30:00.000Z",
         *       "data": {
         *         "id": 7,
         *         "email": "maria.lopez@example.com",
         *         "name": "María López",
         *         "phone": "+14155550123",
         *         "notify_by_email": true,
         *         "notify_by_whatsapp": true,
         *         "status": "pending_verification",
         *         "created_at": "2026-03-01T09:30:00.000Z",
         *         "updated_at": "2026-03-01T09:30:00.000Z",
         *         "metadata": {
         *           "crm_id": "CRM-10442"
         *         }
         *       }
         *     }
         */
        'application/json': components['schemas']['UserCreatedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
  userUpdatedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_5Tn1cWq0Zr8Ye4Ka",
         *       "type": "user.updated",
         *       "created_at": "2026-03-04T16:20:05.009Z",
         *       "data": {
         *         "id": 7,
         *         "email": "maria.lopez@example.com",
         *         "name": "María López García",
         *         "phone": "+14155550123",
         *         "notify_by_email": true,
         *         "notify_by_whatsapp": false,
         *         "status": "active",
         *         "created_at": "2026-03-01T09:30:00.000Z",
         *         "updated_at": "2026-03-04T16:20:05.009Z",
         *         "metadata": {
         *           "crm_id": "CRM-10442"
         *         }
         *       }
         *     }
         */
        'application/json': components['schemas']['UserUpdatedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
  userVerifiedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_9Pd4fGh2Jk6Lm8Nq",
         *       "type": "user.verified",
         *       "created_at": "2026-03-01T09:41:12.345Z",
         *       "data": {
         *         "id": 7,
         *         "email": "maria.lopez@example.com",
         *         "name": "María López",
         *         "phone": "+14155550123",
         *         "notify_by_email": true,
         *         "notify_by_whatsapp": true,
         *         "status": "active",
         *         "created_at": "2026-03-01T09:30:00.000Z",
         *         "updated_at": "2026-03-01T09:41:12.345Z",
         *         "metadata": {
         *           "crm_id": "CRM-10442"
         *         }
         *       }
         *     }
         */
        'application/json': components['schemas']['UserVerifiedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
  caseCreatedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_3Rt6yUi8Op0As2Df",
         *       "type": "case.created",
         *       "created_at": "2026-03-01T09:45:00.000Z",
         *       "data": {
         *         "id": 42,
         *         "user_id": 7,
         *         "user_case_id": "Green card",
         *         "receipt_number": "EAC2190012345",
         *         "description": "Adjustment of status filed with my spouse's petition",
         *         "created_at": "2026-03-01T09:45:00.000Z",
         *         "last_checked": null,
         *         "active": true,
         *         "metadata": {
         *           "crm_case_id": "OPP-2291"
         *         },
         *         "latest_status": null
         *       }
         *     }
         */
        'application/json': components['schemas']['CaseCreatedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
  caseUpdatedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_7Gh9jKl1Zx3Cv5Bn",
         *       "type": "case.updated",
         *       "created_at": "2026-03-06T10:00:00.000Z",
         *       "data": {
         *         "id": 42,
         *         "user_id": 7,
         *         "user_case_id": "Green card",
         *         "receipt_number": "EAC2190012345",
         *         "description": "Approved; waiting for the card",
         *         "created_at": "2026-03-01T09:45:00.000Z",
         *         "last_checked": "2026-03-02T14:15:22.123Z",
         *         "active": false,
         *         "metadata": {
         *           "crm_case_id": "OPP-2291",
         *           "stage": "card_production"
         *         },
         *         "latest_status": {
         *           "status_update_id": 311,
         *           "status_code": "Case Was Approved",
         *           "status_code_es": "Caso Fue Aprobado",
         *           "form_type": "I-485",
         *           "modified_date": "2026-03-02T00:00:00.000Z",
         *           "recorded_at": "2026-03-02T14:15:22.123Z"
         *         }
         *       }
         *     }
         */
        'application/json': components['schemas']['CaseUpdatedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
  caseStatusChangedEvent: {
    parameters: {
      query?: never
      header: {
        /**
         * @description The message id, the same on every retry of one event; use it to drop duplicates.
         * @example msg_2Hq8sKd93LmQx7Vb
         */
        'webhook-id': components['parameters']['WebhookIdHeader']
        /**
         * @description When this attempt was sent, in seconds since the Unix epoch.
         * @example 1772460922
         */
        'webhook-timestamp': components['parameters']['WebhookTimestampHeader']
        /**
         * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `{webhook-id}.{webhook-timestamp}.{body}`,
         *     one for each active signing secret.
         * @example v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
         */
        'webhook-signature': components['parameters']['WebhookSignatureHeader']
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "evt_1Qw2Er3Ty4Ui5Op6",
         *       "type": "case.status_changed",
         *       "created_at": "2026-03-02T14:15:22.123Z",
         *       "data": {
         *         "case": {
         *           "id": 42,
         *           "user_id": 7,
         *           "user_case_id": "Green card",
         *           "receipt_number": "EAC2190012345",
         *           "description": "Adjustment of status filed with my spouse's petition",
         *           "created_at": "2026-03-01T09:45:00.000Z",
         *           "last_checked": "2026-03-02T14:15:22.123Z",
         *           "active": true,
         *           "metadata": {
         *             "crm_case_id": "OPP-2291"
         *           },
         *           "latest_status": {
         *             "status_update_id": 311,
         *             "status_code": "Case Was Approved",
         *             "status_code_es": "Caso Fue Aprobado",
         *             "form_type": "I-485",
         *             "modified_date": "2026-03-02T00:00:00.000Z",
         *             "recorded_at": "2026-03-02T14:15:22.123Z"
         *           }
         *         },
         *         "status_update": {
         *           "id": 311,
         *           "case_id": 42,
         *           "status_code": "Case Was Approved",
         *           "status_description": "On March 2, 2026, we approved your Form I-485, Application to Register Permanent Residence or Adjust Status, Receipt Number EAC2190012345. We will mail your approval notice.",
         *           "form_type": "I-485",
         *           "detail_message": "Status changed from \"Case Is Being Actively Reviewed By USCIS\" to \"Case Was Approved\".",
         *           "status_code_es": "Caso Fue Aprobado",
         *           "status_description_es": "El 2 de marzo de 2026, aprobamos su Formulario I-485, Solicitud de Registro de Residencia Permanente o Ajuste de Estatus, Número de Recibo EAC2190012345. Le enviaremos por correo su aviso de aprobación.",
         *           "submitted_date": "2025-11-03T00:00:00.000Z",
         *           "modified_date": "2026-03-02T00:00:00.000Z",
         *           "history": [
         *             {
         *               "date": "2026-01-12",
         *               "completed_text_en": "Case Is Being Actively Reviewed By USCIS",
         *               "completed_text_es": "Caso Está Siendo Revisado Activamente Por USCIS"
         *             }
         *           ],
         *           "timestamp": "2026-03-02T14:15:22.123Z",
         *           "notified": 0,
         *           "email_notify_status": "pending",
         *           "whatsapp_notify_status": "pending",
         *           "email_notify_attempts": 0,
         *           "whatsapp_notify_attempts": 0,
         *           "email_notify_last_error": null,
         *           "whatsapp_notify_last_error": null,
         *           "email_notify_sent_at": null,
         *           "whatsapp_notify_sent_at": null
         *         },
         *         "previous_status_code": "Case Is Being Actively Reviewed By USCIS"
         *       }
         *     }
         */
        'application/json': components['schemas']['CaseStatusChangedEvent']
      }
    }
    responses: {
      200: components['responses']['WebhookAccepted']
      410: components['responses']['WebhookGone']
    }
  }
}
