/**
 * The scenario as a file: the running text with the recorded live actions
 * appended (what Save downloads and Share puts in a link), its file name, and
 * the template "New" opens. No React, no store: callers pass what they read.
 */
import type { TimelineItem } from '../scenario/types';
import type { Source } from '../store';
import { downloadText, fileBase } from './download';
import { withRecordedTimeline } from './recording';

/** The scenario text that replays this run exactly: the file plus the recorded actions (and the canvas arrangement, if any). */
export function scenarioWithActions(
  source: Source, recorded: readonly TimelineItem[], layout: Readonly<Record<string, readonly [number, number]>> | null = null,
): Promise<string> {
  return withRecordedTimeline(source.text, recorded, layout);
}

/** `shop.yaml`, or `shop-recorded.yaml` once live actions were added (so it never looks like the original). */
export function scenarioFileName(source: Pick<Source, 'file'>, recorded: readonly TimelineItem[]): string {
  return `${fileBase(source.file)}${recorded.length ? '-recorded' : ''}.yaml`;
}

export async function saveScenario(
  source: Source, recorded: readonly TimelineItem[], layout: Readonly<Record<string, readonly [number, number]>> | null = null,
): Promise<void> {
  downloadText(await scenarioWithActions(source, recorded, layout), scenarioFileName(source, recorded), 'application/yaml');
}

export const NEW_SCENARIO_FILE = 'new-scenario.yaml';

/** What "New" opens: the smallest valid scenario, with comments on what to change next. */
export const NEW_SCENARIO_TEMPLATE = `# A new Microcosm scenario. Edit it, save it (Save), and open it again (Open file…).
# The whole format, with every default: docs/scenario-format.md
version: 1
name: My scenario
description: |
  One service under a steady load. Say here what this scenario teaches.
seed: 1            # same seed + same actions = the same run, to the last event
duration: 2m       # simulated time
warmup: 10s        # the report ignores the first 10 s

services:
  api:
    label: API
    instances: 2     # replicas
    workers: 8       # requests one instance serves at once; the rest wait in its queue
    queue: 100       # waiting requests per instance; beyond that, 503
    endpoints:
      get:
        - cpu: exp(10ms)       # hold a worker for a sampled time (mean 10 ms)
        # - call: db.query     # call another service: add it under services, e.g.
        #                      #   db: { endpoints: { query: [ { cpu: exp(5ms) } ] } }
        #   timeout: 500ms     # call options: timeout, retry: 2, breaker: true, bulkhead: 10

workload:
  - name: users
    route: api.get     # service.endpoint
    rate: 500/s        # open loop; or  users: 100  with  think: exp(1s)

# timeline:          # faults and load changes at set times (the Load and Inspector panels record these)
#   - { at: 60s, kill: api, count: 1 }

expect:
  - { route: api.get, p99: "< 100ms" }
`;
