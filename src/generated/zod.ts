// Generated from openapi.yaml by scripts/generate.ts. Do not edit: run `npm run generate`.
export * from './operations'
export * from './schemas'
