export { startGitHubStandIn, type GitHubStandIn, type RecordedRequest, type StandInOptions } from './server.ts';
export type { Fault, FaultRule } from './faults.ts';
