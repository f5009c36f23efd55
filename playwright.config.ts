import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/chromium.ts'

// Debian's Chromium where it exists (these machines cannot download Playwright's own browsers);
// Playwright's bundled Chromium everywhere else (tests/chromium.ts).
const launchOptions = chromiumLaunchOptions()

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: 'http://localhost:4173',
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions,
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npm run build && npm run preview -- --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
