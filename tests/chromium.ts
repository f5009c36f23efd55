/**
 * How every browser run of the project launches Chromium: the end-to-end tests, the benchmarks and
 * the screenshot script. Debian's Chromium where it exists (these machines cannot download
 * Playwright's own browsers), with the switches such a machine needs; Playwright's bundled
 * Chromium everywhere else.
 */
import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * Features switched off. Chromium reads only the last `--disable-features`, so this one repeats
 * Playwright's own (1.65, chromiumSwitches) and adds the omnibox's WebUI popups: Chromium 156
 * loads them in headless mode, hidden, and they kept a renderer busy (1.7 CPU-seconds in 5 idle
 * seconds, 0.1 without), which on a 2-core machine slowed the end-to-end tests by half.
 */
const DISABLED_FEATURES = [
  // Playwright's
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion',
  // Ours
  'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup',
]

/** Switched off in every Chromium we launch, Debian's or Playwright's. */
const FEATURES_ARG = `--disable-features=${DISABLED_FEATURES.join(',')}`

/** The switches for Debian's Chromium on these machines. */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
  FEATURES_ARG,
]

/** Launch options for Chromium: Debian's with its switches when present, else Playwright's own. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return existsSync(SYSTEM_CHROMIUM)
    ? { executablePath: SYSTEM_CHROMIUM, args: [...SYSTEM_CHROMIUM_ARGS, ...extraArgs] }
    : { args: [FEATURES_ARG, ...extraArgs] }
}
