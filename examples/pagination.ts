/**
 * Pagination: walk every item of a list, or work page by page.
 *
 * Run it against the built-in mock with `npx tsx examples/pagination.ts`.
 */
import type { ImmigraFlow } from 'immigraflow'
import { runExample } from './support'

export async function pagination(client: ImmigraFlow) {
  for (let i = 1; i <= 5; i++) {
    await client.users.create({ email: `applicant${i}@example.com`, name: `Applicant ${i}` })
  }

  // #region for-await
  // Every user, across as many pages as it takes; pages are fetched as the loop needs them.
  const emails: string[] = []
  for await (const user of client.users.list({ limit: 2, status: 'pending_verification' })) {
    emails.push(user.email)
  }
  // #endregion

  // #region page-by-page
  let page = await client.users.list({ limit: 2 })
  console.log(`${page.total} users in all`)
  const pages = [page.data]
  while (page.hasNextPage()) {
    page = await page.getNextPage()
    pages.push(page.data)
  }
  // #endregion
  return { emails, pageSizes: pages.map((data) => data.length) }
}

await runExample(import.meta.url, pagination)
