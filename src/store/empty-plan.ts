import type { Plan } from '../core/index.ts'

export function emptyPlan(name = 'Untitled plan'): Plan {
  return { format: 'vexplan/plan', version: 1, name, organization: { mailboxes: 0, activeDirectory: true }, hosts: [], storage: [], layout: {} }
}
