import { describe, expect, it } from 'vitest'
import { host, plan, vm } from '../../../core/testing/plan-builder.ts'
import { failoverCapacity, hostCapacity } from './capacity.ts'

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

describe('failoverCapacity', () => {
  const node = (id: string, ramGB: number, vmRam: number[], cluster: string | null = 'hc1') => {
    const hv = host({ id, name: id.toUpperCase(), cluster, vms: vmRam.map((ram, i) => vm({ id: `${id}-vm${i}`, ramGB: ram })) })
    hv.hardware = { ...hv.hardware, ramGB }
    return hv
  }

  it('weighs the cluster\'s VMs against the nodes left when one fails, the worst one', () => {
    // 4 x 128 GB of VMs and one parent reserve do not fit in the 512 GB of the node left.
    const [hv01, hv02] = [node('hv01', 512, [128, 128]), node('hv02', 512, [128, 128])]
    expect(failoverCapacity(plan({ hosts: [hv01, hv02] }), hv01)).toEqual({
      label: 'Failover', value: '514 GB of 512 GB with HV02 down', detail: '512 GB for the 4 VMs of cluster "hc1" on HV01: some VMs could not start', over: true,
    })
    // Three nodes: the worst failure is the one that leaves the least RAM.
    const hv03 = node('hv03', 256, [])
    expect(failoverCapacity(plan({ hosts: [hv01, hv02, hv03] }), hv01)).toMatchObject({ value: '516 GB of 768 GB with HV02 down', over: false })
  })

  it('says a node alone in its cluster has nowhere to fail over, and nothing for a host in no cluster', () => {
    const alone = node('hv01', 64, [8])
    expect(failoverCapacity(plan({ hosts: [alone, node('hv02', 64, [8], 'other')] }), alone)).toMatchObject({ value: 'HV01 is the only node of cluster "hc1"', over: false })
    const lone = node('hv01', 64, [8], null)
    expect(failoverCapacity(plan({ hosts: [lone] }), lone)).toBeNull()
  })
})
