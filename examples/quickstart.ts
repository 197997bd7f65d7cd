/**
 * The smallest program: `IMMIGRAFLOW_API_KEY=… npx tsx examples/quickstart.ts`
 * (with IMMIGRAFLOW_BASE_URL pointing at `npx immigraflow-mock`, it runs against the mock).
 */
// #region quickstart
import { ImmigraFlow } from 'immigraflow'

const client = new ImmigraFlow() // reads IMMIGRAFLOW_API_KEY, and IMMIGRAFLOW_BASE_URL if set

const page = await client.users.list({ limit: 5 })
console.log(`${page.total} users; on the first page: ${page.data.map((user) => user.email).join(', ') || 'none yet'}`)
// #endregion
