// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
export {
  CaseCreatedEventSchema,
  CaseStatusChangedEventSchema,
  CaseUpdatedEventSchema,
  UserCreatedEventSchema,
  UserUpdatedEventSchema,
  UserVerifiedEventSchema,
  WebhookEventSchema,
} from './schemas'
