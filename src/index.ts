/**
 * ImmigraFlow's TypeScript SDK. The client lands in a later release; for now the package
 * exports the types and zod schemas generated from openapi.yaml.
 */
export type { components, operations as OperationTypes, paths, webhooks } from './generated/openapi'
export * as schemas from './generated/zod'
