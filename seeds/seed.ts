// `npm run db:seed`: loads the demo data into DATABASE_URL (idempotent).
import { createPrismaClient } from "~/utils/db.server";
import { loadDemoData } from "./load-demo-data";
import { loadSampleComments } from "./sample-comments";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set (npm start sets it; for a manual seed, export it first)");
  process.exit(1);
}
const prisma = createPrismaClient(url);
loadDemoData(prisma)
  .then(() => loadSampleComments(prisma))
  .then((samples) => console.log(`demo data loaded (${samples} sample comments)`))
  .finally(() => prisma.$disconnect());
