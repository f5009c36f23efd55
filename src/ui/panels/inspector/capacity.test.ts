import { describe, expect, it } from 'vitest'
import { host, vm } from '../../../core/testing/plan-builder.ts'
import { hostCapacity } from './capacity.ts'

describe('hostCapacity', () => {
  it('sums the VMs\' memory with the parent\'s reserve, and their virtual processors with the root\'s', () => {
    const hv = host({ id: 'hv', vms: [vm({ id: 'a', ramGB: 4, vcpus: 2 }), vm({ id: 'b', ramGB: 16, vcpus: 4 })] })
    hv.hardware = { ...hv.hardware, sockets: 1, coresPerSocket: 4, threadsPerCore: 2, ramGB: 24 }
    expect(hostCapacity(hv)).toEqual([
      { label: 'Memory', value: '22 GB of 24 GB', detail: '20 GB for 2 VMs, 2 GB for the parent partition', over: false },
      { label: 'Virtual processors', value: '8 on 4 cores (2 per core)', detail: '6 in 2 VMs, 2 counted for the parent partition; 8 logical processors with Hyper-Threading', over: false },
    ])
  })

  it('marks what is over: memory past the RAM, more than 2 virtual processors per core', () => {
    const hv = host({ id: 'hv', hypervisor: 'vmware-esx', vms: [vm({ id: 'a', ramGB: 8, vcpus: 4 })] })
    hv.hardware = { ...hv.hardware, sockets: 1, coresPerSocket: 1, threadsPerCore: 1, ramGB: 8 }
    const [memory, cpu] = hostCapacity(hv)
    expect(memory).toMatchObject({ value: '10 GB of 8 GB', detail: '8 GB for 1 VM, 2 GB for the hypervisor', over: true })
    expect(cpu).toMatchObject({ value: '6 on 1 core (6 per core)', detail: '4 in 1 VM, 2 counted for the hypervisor', over: true })
  })
})
