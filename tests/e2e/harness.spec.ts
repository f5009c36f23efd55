/**
 * The test browser itself: Chromium 156 in headless mode loads the omnibox's WebUI popups, hidden,
 * and they kept a renderer busy enough to slow these tests by half on a 2-core machine
 * (tests/chromium.ts switches them off).
 */
import { expect, test } from '@playwright/test'

test('the test browser runs no hidden browser UI beside the page (the omnibox popups are off)', async ({ browser, page }) => {
  await page.goto('/')
  const cdp = await browser.newBrowserCDPSession()
  const { targetInfos } = await cdp.send('Target.getTargets')
  expect(targetInfos.filter(({ url }) => url.startsWith('chrome://omnibox-popup')).map(({ url }) => url)).toEqual([])
  await cdp.detach()
})
