/** Request validation shares the SDK's zod-issue wording, so both sides explain a bad field alike. */
export { check, issuesToDetails } from '../../src/core/zod-details'
