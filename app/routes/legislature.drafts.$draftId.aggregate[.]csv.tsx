// GET /legislature/drafts/<id>/aggregate.csv: the submitted reports of the draft's current consultation version merged,
// clause by clause, saying which contact points raised each point. The committee of that draft only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { aggregateDownload } from "~/reports/report-download.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => aggregateDownload("csv", request, params);
