// /deputy/qr.svg: the signed-in deputy's personal QR code (代表二维码), opening /d/<qrToken> (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { deputyQrFile } from "~/utils/public-qr.server";

export const loader = (args: LoaderFunctionArgs) => deputyQrFile(args, "svg");
