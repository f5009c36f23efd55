import { describe, expect, it } from 'vitest'
import { HYPERVISORS } from '../core/model/enums.ts'
import { hasWindowsHostOs, hostOsTitle } from './host-os.ts'

describe('hostOsTitle', () => {
  it('names the host OS for every hypervisor', () => {
    const titles = Object.fromEntries(HYPERVISORS.map((hypervisor) => [hypervisor, hostOsTitle(hypervisor)]))
    expect(titles).toMatchObject({
      none: 'Operating system',
      'hyper-v-2008': 'Parent partition',
      'hyper-v-server-2008-r2': 'Parent partition',
      'hyper-v-2025': 'Parent partition',
      'virtual-server-2005-r2-sp1': 'Host OS',
      'virtual-pc': 'Host OS',
      'vmware-esx': 'Hypervisor',
      'third-party': 'Hypervisor',
    })
    expect(HYPERVISORS.filter((hypervisor) => !hasWindowsHostOs(hypervisor))).toEqual(['vmware-esx', 'third-party'])
  })
})
