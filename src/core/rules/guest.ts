/** A.3 Child VM / guest, in catalogue order. The rules live in guest-*.ts by concern. */
import { e2007GuestOsDiskSize, e2007GuestOsWs2008, e2007MinSp1, umRoleVirtualized, vmSnapshotUnsupported } from './guest-exchange.ts'
import { guestIcRtmUpdate, guestIntegrationComponents, vmBootDiskOnIde, vmMemoryMax, vmVcpuMax } from './guest-hyperv.ts'
import { vcpuPcoreRatio1to1Recommended, vcpuPcoreRatio2to1 } from './guest-ratio.ts'
import type { Rule } from './types.ts'

export const GUEST_RULES: readonly Rule[] = [
  e2007MinSp1,
  e2007GuestOsWs2008,
  umRoleVirtualized,
  guestIntegrationComponents,
  guestIcRtmUpdate,
  vmBootDiskOnIde,
  vmVcpuMax,
  vmMemoryMax,
  vcpuPcoreRatio2to1,
  vcpuPcoreRatio1to1Recommended,
  e2007GuestOsDiskSize,
  vmSnapshotUnsupported,
]
