/** A.4 Storage: the rules of rules-catalogue.md in catalogue order (`fixed-vhd-supported` reports nothing). */
import { dataDisksOnScsi, fcHbaHostOnly, iscsiInGuestPerf, nasStorageUnsupported } from './storage-attach.ts'
import { differencingVhdUnsupported, dynamicVhdUnsupported, fixedVhdSizeLimit } from './storage-formats.ts'
import {
  passthroughDedicatedToOneVm, passthroughOfflineOnHost, passthroughRecommendedForExchangeData, vhdOnOfflineHostDisk,
} from './storage-passthrough.ts'
import {
  dbAndLogsSeparateSpindles, exchangeStorageSeparateFromOsSpindles, guestStorageSufficient, vmFilesOffHostSystemDisk,
} from './storage-placement.ts'
import type { Rule } from './types.ts'

export const STORAGE_RULES: readonly Rule[] = [
  dynamicVhdUnsupported,
  differencingVhdUnsupported,
  fixedVhdSizeLimit,
  passthroughDedicatedToOneVm,
  passthroughOfflineOnHost,
  vhdOnOfflineHostDisk,
  passthroughRecommendedForExchangeData,
  dataDisksOnScsi,
  iscsiInGuestPerf,
  fcHbaHostOnly,
  nasStorageUnsupported,
  exchangeStorageSeparateFromOsSpindles,
  dbAndLogsSeparateSpindles,
  vmFilesOffHostSystemDisk,
  guestStorageSufficient,
]
