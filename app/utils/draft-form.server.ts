// Reading the committee's draft forms: multipart (a Word or text file) within a size limit, or url-encoded (pasted
// text only); turning a refusal into the answer the page shows (Chinese message, field, status) plus one log line.
import { json, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { DraftRefusedError } from "~/commands/draft-refused-error.server";
import { getEnv } from "./env.server";
import { quoteForLog } from "./log.server";

/** The upload field of the draft forms. */
export const FILE_FIELD = "file";

/** Text fields of a form part are small; only the pasted text may be long (bounded by the same limit as files). */
function sizeLimitedHandler(maxBytes: number, allowedFields: ReadonlySet<string>): UploadHandler {
  let total = 0;
  return async ({ name, filename, data }) => {
    const isFile = name === FILE_FIELD && typeof filename === "string";
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      // The whole body is bounded too: many small parts must not add up to more than one large one.
      if (size > maxBytes || total > maxBytes + 1024 * 1024) {
        throw new DraftRefusedError(
          `文件过大：上传的草案文件不能超过 ${Math.floor(maxBytes / 1024 / 1024)} MB。`,
          413,
          `upload part ${quoteForLog(name)} over ${maxBytes} bytes`,
          FILE_FIELD,
        );
      }
      chunks.push(chunk);
    }
    if (!allowedFields.has(name)) return undefined;
    if (isFile) return filename === "" && size === 0 ? undefined : new File([new Uint8Array(Buffer.concat(chunks))], filename!);
    return Buffer.concat(chunks).toString("utf8");
  };
}

/** The form's fields; a file is kept in memory (up to DRAFT_UPLOAD_MAX_BYTES). */
export async function readDraftForm(request: Request, allowedFields: string[]): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, sizeLimitedHandler(getEnv().DRAFT_UPLOAD_MAX_BYTES, new Set(allowedFields)));
  } catch (error) {
    if (error instanceof DraftRefusedError) throw error;
    throw new DraftRefusedError("提交的表单无法读取，请重新选择文件后再提交。", 400, `malformed multipart body: ${(error as Error).message}`, FILE_FIELD);
  }
}

/** The uploaded file, if one was chosen. */
export async function uploadedFile(form: FormData): Promise<{ bytes: Uint8Array; name: string } | null> {
  const value = form.get(FILE_FIELD);
  if (!value || typeof value === "string") return null;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

export interface RefusalData {
  ok: false;
  message: string;
  field: string | null;
}

/** A DraftRefusedError as the page's action data; anything else is rethrown (a 500, logged by the server). */
export function refusalResponse<Extra extends Record<string, unknown>>(error: unknown, what: string, extra: Extra) {
  if (!(error instanceof DraftRefusedError)) throw error;
  console.warn(`legislature: ${what} refused (${error.status}): ${error.message}`);
  return json({ ok: false as const, message: error.userMessage, field: error.field ?? null, ...extra }, { status: error.status });
}

/** Field errors (400) as the page's action data, with one log line naming the fields. */
export function invalidFieldsResponse<Values>(what: string, fieldErrors: Record<string, string>, values: Values) {
  console.warn(`legislature: ${what} refused (400): invalid fields ${Object.keys(fieldErrors).join(", ")}`);
  return json({ ok: false as const, message: "请检查标出的内容。", field: null, fieldErrors, values }, { status: 400 });
}
