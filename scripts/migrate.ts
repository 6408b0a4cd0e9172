// `npm run db:migrate`: applies committed migrations to DATABASE_URL (production deploys run this once).
import { migrateDeploy } from "./infra/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}
migrateDeploy(url);
console.log("migrations applied");
