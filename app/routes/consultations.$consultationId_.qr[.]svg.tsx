// /consultations/<id>/qr.svg: the QR code of the consultation's public page (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { consultationQrFile } from "~/utils/public-qr.server";

export const loader = (args: LoaderFunctionArgs) => consultationQrFile(args, "svg");
