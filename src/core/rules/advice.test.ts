/**
 * A fix must be advice the architect can follow on the platform at hand: these cases pin wording
 * that once suggested something the platform does not have or allow.
 */
import { describe, expect, it } from 'vitest'
import { edit, first, soundPlan } from '../testing/plan-builder.ts'
import { validate } from '../validate/validate.ts'

const fixOf = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((finding) => finding.rule === rule && finding.subject === subject)?.fix

describe('fixes follow the platform', () => {
  it('no Live Migration on Windows Server 2008 Hyper-V for a non-clustered Exchange 2007 VM; R2 has it', () => {
    const clustered = (hypervisor: 'hyper-v-2008' | 'hyper-v-2008-r2') => edit(soundPlan(), (d) => {
      Object.assign(first(d).host, { hypervisor, cluster: 'hvc1', mobility: hypervisor === 'hyper-v-2008' ? 'quick-migration' : 'live-migration' })
    })
    expect(fixOf(clustered('hyper-v-2008'), 'e2007-non-clustered-vm-mobility', 'ex01')).toBe(
      "Set EX01's stop action to shut down and move it only by a cold restart (shut down, move, start), never from a saved state; Windows Server 2008 Hyper-V has no Live Migration.",
    )
    expect(fixOf(clustered('hyper-v-2008-r2'), 'e2007-non-clustered-vm-mobility', 'ex01')).toMatch(/only by Live Migration or a cold restart/)
  })

  it('never to take the host\'s own system disk offline to pass it through', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[1]!.backing = 'hv01-os' })
    expect(fixOf(plan, 'passthrough-offline-on-host', 'ex01-db')).toBe("Give EX01 a physical disk of its own to pass through: Disk 0 holds HV01's own files and must stay online.")
    const spare = edit(soundPlan(), (d) => { first(d).host.disks[2]!.online = true })
    expect(fixOf(spare, 'passthrough-offline-on-host', 'ex01-db')).toBe('Take Disk 2 offline in Disk Management on HV01 before attaching it to EX01.')
  })

  it('a fixed VHD, not a VHDX, where Hyper-V has no VHDX', () => {
    const plan = edit(soundPlan(), (d) => {
      first(d).host.hypervisor = 'hyper-v-2008-r2'
      Object.assign(first(d).vm.disks[1]!, { kind: 'dynamic-vhdx', sizeGB: 300, backing: 'hv01-os' })
    })
    expect(fixOf(plan, 'dynamic-vhd-unsupported', 'ex01-db')).toBe('Convert Database on EX01 to a fixed-size VHD, or give EX01 a pass-through disk instead.')
  })
})

const findingOf = (plan: ReturnType<typeof soundPlan>, rule: string, subject: string) =>
  validate(plan).find((finding) => finding.rule === rule && finding.subject === subject)

describe('messages read as plain English', () => {
  it('"logs" is plural in the advice to add or list them', () => {
    const plan = edit(soundPlan(), (d) => { first(d).vm.disks[2]!.contents = ['queue'] })
    expect(fixOf(plan, 'guest-storage-sufficient', 'ex01')).toBe('Add a disk for the logs to EX01, or list them in the contents of the disk that already holds them.')
    const noQueue = edit(soundPlan(), (d) => { first(d).vm.disks[2]!.contents = ['logs'] })
    expect(fixOf(noQueue, 'guest-storage-sufficient', 'ex01')).toBe('Add a disk for the transport queue to EX01, or list it in the contents of the disk that already holds it.')
  })

  it('the memory to free is said as an amount to free, not as a distance to move VMs', () => {
    const plan = edit(soundPlan(), (d) => { first(d).host.hardware.ramGB = first(d).vm.ramGB + 1.5 })
    expect(fixOf(plan, 'host-memory-not-overcommitted', 'hv01')).toMatch(/^Give HV01 at least [\d.]+ GB of RAM, or free 0\.5 GB by reducing the VMs' memory or moving VMs to another host\.$/)
  })

  it('a third-party hypervisor and an unlisted guest OS are named in words, without brackets in brackets', () => {
    const plan = edit(soundPlan(), (d) => {
      Object.assign(first(d).host, { hypervisor: 'third-party', svvpValidated: false })
      first(d).vm.guestOs = 'other'
    })
    expect(findingOf(plan, 'e2007-hypervisor-supported', 'ex01')?.message).toMatch(/^EX01 runs Exchange 2007 on HV01 \(a third-party hypervisor\)/)
    const other = edit(soundPlan(), (d) => { first(d).vm.guestOs = 'other' })
    expect(findingOf(other, 'e2007-guest-os-ws2008', 'ex01')?.message).toMatch(/^EX01 runs Exchange Server 2007 on another operating system;/)
  })

  it('a bare-metal server backed up by a file copy is not said to be copied "from the host"', () => {
    const plan = edit(soundPlan(), (d) => {
      const { host, vm } = first(d)
      host.vms = []
      host.parent.exchange = vm.exchange
      host.parent.backup = { method: 'host-file-copy' }
    })
    expect(findingOf(plan, 'backup-must-be-exchange-aware', 'hv01')?.message).toMatch(/^HV01 is backed up by copying its files, which neither checks/)
  })
})
