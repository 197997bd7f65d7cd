/**
 * What both MSW entries (`immigraflow/mock/node`, `immigraflow/mock/browser`) export beside their
 * own setup function: the platform-neutral mock, its MSW flavour, the control routes and the
 * snapshot file format. The control routes ride with the MSW entries, which serve them already;
 * the platform-neutral entry stays without them, inside its size budget.
 */
export {
  type CaseView,
  type ChannelOutcome,
  type ControlOptions,
  handleControl,
  type MockStateView,
  stateView,
  type TimelineEntry,
  type UserView,
  type WebhookView,
} from './control'
export * from './index'
export { createMockApi, type MockHandlerOptions, type MswMockApi, type MswMockApiOptions, mockHandlers } from './msw'
export { SNAPSHOT_VERSION, SnapshotError, snapshotFromJson, snapshotToJson } from './snapshot-json'
