/**
 * What a host's own operating system is called on the canvas and, for hosts with a hypervisor, in
 * the Inspector: Hyper-V makes it the parent partition, a hosted hypervisor (Virtual Server, Virtual
 * PC) runs on it, and VMware ESX and other bare-metal hypervisors have none.
 */
import { hasWindowsHostOs, isHyperVHypervisor, type Host } from '../core/index.ts'

export { hasWindowsHostOs }

/** "Operating system" (bare metal), "Parent partition", "Host OS" or "Hypervisor". */
export function hostOsTitle(hypervisor: Host['hypervisor']): string {
  if (hypervisor === 'none') return 'Operating system'
  if (isHyperVHypervisor(hypervisor)) return 'Parent partition'
  return hasWindowsHostOs(hypervisor) ? 'Host OS' : 'Hypervisor'
}
