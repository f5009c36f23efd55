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
