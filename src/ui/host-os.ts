/**
 * What a host's own operating system is, by its hypervisor: Hyper-V makes it the parent partition,
 * a hosted hypervisor (Virtual Server, Virtual PC) runs on it, and VMware ESX and other bare-metal
 * hypervisors have none. The canvas and the Inspector name it the same way.
 */
import type { Host } from '../core/index.ts'

type Hypervisor = Host['hypervisor']

/** False for hypervisors that run on the hardware itself, with no Windows host OS beneath the guests. */
export const hasWindowsHostOs = (hypervisor: Hypervisor): boolean => hypervisor !== 'vmware-esx' && hypervisor !== 'third-party'

/** The host OS's name on the canvas: "Operating system", "Parent partition", "Host OS" or "Hypervisor". */
export function hostOsTitle(hypervisor: Hypervisor): string {
  if (hypervisor === 'none') return 'Operating system'
  if (hypervisor.startsWith('hyper-v')) return 'Parent partition'
  return hasWindowsHostOs(hypervisor) ? 'Host OS' : 'Hypervisor'
}
