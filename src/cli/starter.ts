// The starter estate `dtcost init` writes: every section, commented, valid as it stands.
// Its first line points editors at the estate's JSON Schema in a file beside it, which `dtcost init`
// writes too (STARTER_SCHEMA_FILE).
export const STARTER_SCHEMA_FILE = 'dtcost.schema.json';

export const STARTER_ESTATE = `# yaml-language-server: $schema=./${STARTER_SCHEMA_FILE}
# (${STARTER_SCHEMA_FILE}, beside this file, is the estate format's JSON Schema: dtcost init wrote
#  it; \`dtcost schema -o ${STARTER_SCHEMA_FILE}\` writes it again after an upgrade. Installed with
#  npm, the same file is node_modules/dtcost/schema/estate-v1.schema.json.)
# A dtcost estate: describe what you will monitor, then run
#   dtcost estimate estate.yaml               (DPS, the default)
#   dtcost estimate estate.yaml --model classic
# Every list entry has a name (unique in its section) and an optional count that multiplies it.
# Quantities per month assume 30-day months. Delete the sections you do not need.
version: 1
name: My estate
licensing: dps              # dps | classic
period: month               # month (30 d) | year (365 d) | week | day | <n>d | <n>h
currency: USD
# rates: ./rates.yaml       # your contract prices (see: dtcost rates)
budget:
  total: 10000              # per period; dtcost exits 1 when the estimate is over

hosts:                      # OneAgent on VMs, bare metal, cloud instances
  - name: web
    count: 4
    memoryGiB: 16
    mode: fullstack         # fullstack | infrastructure | discovery
  - name: batch
    count: 2
    memoryGiB: 32
    mode: infrastructure
    hoursPerDay: 8

containers:                 # application-only monitoring
  - name: api
    count: 10
    memoryLimitGiB: 1       # without a limit, give nodeMemoryGiB: the node's memory is billed
    platform: kubernetes

applications:               # Real User Monitoring
  - name: web-shop
    visitsPerMonth: 500000
    bounceRate: 0.3         # one-action visits are not billed
    visitMinutes: 12
    replayRate: 0.05        # share of sessions with Session Replay

synthetic:
  browser:
    - name: checkout
      steps:                # requests each step triggers; steps without requests are free
        - { name: home, requests: 1 }
        - { name: login, requests: 2 }
        - { name: scroll, requests: 0 }
      frequencyMinutes: 15
      locations: 2
  http:
    - { name: health, requests: 1, frequencyMinutes: 5, locations: 2 }

logs:
  - name: application
    ingestGiBPerDay: 20
    enrichmentFactor: 1.5
    retentionDays: 35
    queryGiBPerDay: 200

metrics:                    # custom metrics beyond OneAgent's built-in ones
  - { name: business-kpis, series: 200, intervalSeconds: 60 }

traces:                     # spans ingested via OpenTelemetry / the Trace API
  - { name: otel, requestsPerMonth: 5000000, spansPerRequest: 8, averageSpanKiB: 1 }

events:
  - { name: deployments, eventsPerMonth: 3000, averageEventKiB: 2 }
`;
