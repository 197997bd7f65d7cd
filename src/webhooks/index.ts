/** Standard Webhooks signing and verification for ImmigraFlow events. */
export type { components } from '../generated/openapi'
