import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPlan } from '../core/io/load.ts'
import { validate, type Finding, type Plan } from '../core/index.ts'
import { TEMPLATES } from './index.ts'

const text = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8')
const loaded = async (id: string): Promise<Plan> => {
  const template = TEMPLATES.find((t) => t.id === id)
  if (!template) throw new Error(`no template ${id}`)
  return template.load()
}
/** Errors and warnings as "rule subject", so a failing run prints what changed. */
const problems = (findings: readonly Finding[]) => ({
  error: findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.subject}`),
  warning: findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.subject}`),
})

/** What each template is expected to show: only the seed's own design is flagged. */
const EXPECTED: Record<string, ReturnType<typeof problems>> = {
  'seed-reference': {
    // Warnings, not errors (catalogue note E.6). Its host-level VSS backup reaches the Exchange writer
    // through the integration components, but does not capture the database and logs on its
    // pass-through disk (note E.10): host-vss-backup-excludes-passthrough, not an unaware backup.
    error: [],
    warning: [
      'db-and-logs-separate-spindles ex01-boot',
      'exchange-storage-separate-from-os-spindles ex01-boot',
      'guest-storage-sufficient ex01',
      'host-vss-backup-excludes-passthrough ex01',
    ],
  },
  'seed-improved': { error: [], warning: [] },
  'small-office': { error: [], warning: [] },
  'large-organisation': { error: [], warning: [] },
  'exchange-2019-dag': { error: [], warning: [] },
}

describe('templates', () => {
  it('exchange-2019-dag keeps its two DAG members on different hosts of one Hyper-V cluster, with no saved states', async () => {
    const plan = await loaded('exchange-2019-dag')
    const members = plan.hosts.flatMap((host) => host.vms.map((vm) => ({ host, vm }))).filter(({ vm }) => vm.exchange?.cluster?.kind === 'dag')
    expect(members).toHaveLength(2)
    expect(new Set(members.map(({ host }) => host.id)).size).toBe(2)
    expect(new Set(members.map(({ host }) => host.cluster))).toEqual(new Set(['hvc1']))
    for (const { host, vm } of members) {
      expect(host.mobility).toBe('live-migration')
      expect(vm.stopAction).not.toBe('save')
      expect(vm.exchange?.version).toBe('2019')
    }
  })

  it('lists each plan file once', () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const template of TEMPLATES) {
    it(`${template.id} is a valid plan file with an empty layout`, async () => {
      const result = loadPlan(text(`./${template.id}.json`))
      expect(result.ok ? [] : result.problems).toEqual([])
      const plan = await template.load()
      expect(plan.layout).toEqual({})
    })

    it(`${template.id} gives the expected errors and warnings`, async () => {
      expect(problems(validate(await template.load()))).toEqual(EXPECTED[template.id])
    })
  }

  it('keeps seed-reference identical to the example plan', () => {
    expect(text('./seed-reference.json')).toBe(text('../../examples/seed-reference.json'))
  })

  it('large-organisation has more than 4,000 mailboxes and bare-metal Mailbox servers', async () => {
    const plan = await loaded('large-organisation')
    expect(plan.organization.mailboxes).toBeGreaterThan(4000)
    const mailboxHosts = plan.hosts.filter((host) => host.parent.exchange?.roles.includes('mailbox'))
    expect(mailboxHosts.length).toBeGreaterThanOrEqual(2)
    expect(mailboxHosts.every((host) => host.hypervisor === 'none' && host.vms.length === 0)).toBe(true)
    const virtualMailbox = plan.hosts.flatMap((host) => host.vms).filter((vm) => vm.exchange?.roles.includes('mailbox'))
    expect(virtualMailbox).toEqual([])
    // Client Access and Hub Transport are virtual, each role on more than one host.
    for (const role of ['client-access', 'hub-transport'] as const) {
      const hosts = plan.hosts.filter((host) => host.vms.some((vm) => vm.exchange?.roles.includes(role)))
      expect(hosts.length, role).toBeGreaterThanOrEqual(2)
    }
    // Mailbox data lives on Fibre Channel LUNs.
    const fcLuns = new Set(plan.storage.filter((array) => array.protocol === 'fc').flatMap((array) => array.luns.map((lun) => lun.id)))
    const dataDisks = mailboxHosts.flatMap((host) => host.disks).filter((disk) => disk.contents.includes('database') || disk.contents.includes('logs'))
    expect(dataDisks.length).toBeGreaterThan(0)
    expect(dataDisks.every((disk) => disk.lun !== null && fcLuns.has(disk.lun))).toBe(true)
  })
})
