// GET /consultations/<id>/report.csv: the contact point's latest compiled report (the committee: the latest submitted
// one). Scope and the 409 while none is compiled: app/reports/report-access.server.ts.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportDownload } from "~/reports/report-download.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => reportDownload("csv", request, params);
