// The forum form (组织座谈会 / 修改座谈会信息): name, time (China time), place, the contact point's deputies ticked
// from a list, residents and company representatives by name and occupation, and how many others came. Works
// without JavaScript (three blank rows for residents); with it, rows are added and removed in place.
import { useEffect, useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import type { ForumFormValues } from "~/commands/forum-fields";

export function FieldMessage({ id, message }: { id: string; message?: string | null }) {
  return message ? <p id={id} className="field-error" role="alert">{message}</p> : null;
}

const BLANK_ROWS = 3;

function withBlankRows(rows: ForumFormValues["residents"]) {
  const filled = rows.filter((r) => r.name.trim() || r.occupation.trim());
  return [...filled, ...Array.from({ length: Math.max(1, BLANK_ROWS - filled.length) }, () => ({ name: "", occupation: "" }))];
}

let rowSeed = 0;

export function ForumForm({
  deputies,
  values,
  errors,
  submitLabel,
}: {
  deputies: Array<{ id: string; displayName: string }>;
  values: ForumFormValues;
  errors: Record<string, string>;
  submitLabel: string;
}) {
  const busy = useNavigation().state === "submitting";
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [rows, setRows] = useState(() => withBlankRows(values.residents).map((r) => ({ ...r, key: ++rowSeed })));
  const ticked = new Set(values.deputyIds);
  const invalid = (field: string) => (errors[field] ? true : undefined);
  return (
    <Form method="post" className="card forum-form" noValidate>
      {errors.form ? <div className="error" role="alert">{errors.form}</div> : null}
      <label className="field">
        <span>座谈会名称</span>
        <input name="title" required maxLength={200} defaultValue={values.title} aria-invalid={invalid("title")} aria-describedby="title-error" />
      </label>
      <FieldMessage id="title-error" message={errors.title} />
      <div className="field-row">
        <label className="field">
          <span>召开时间（北京时间）</span>
          <input type="datetime-local" name="heldAt" required defaultValue={values.heldAt} aria-invalid={invalid("heldAt")} aria-describedby="heldAt-error" />
        </label>
        <label className="field">
          <span>召开地点</span>
          <input name="location" required maxLength={200} defaultValue={values.location} placeholder="如：街道人大代表之家" aria-invalid={invalid("location")} aria-describedby="location-error" />
        </label>
      </div>
      <FieldMessage id="heldAt-error" message={errors.heldAt} />
      <FieldMessage id="location-error" message={errors.location} />

      <fieldset className="forum-attendees" aria-describedby="deputyIds-error">
        <legend>参会人大代表</legend>
        {deputies.length === 0 ? <p className="muted small">本联系点没有代表账号。</p> : (
          <div className="deputy-choices">
            {deputies.map((d) => (
              <label key={d.id} className="choice">
                <input type="checkbox" name="deputyId" value={d.id} defaultChecked={ticked.has(d.id)} />
                {d.displayName}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <FieldMessage id="deputyIds-error" message={errors.deputyIds} />

      <fieldset className="forum-attendees" aria-describedby="residents-hint residents-error">
        <legend>参会群众和企业代表</legend>
        <p id="residents-hint" className="muted small">姓名只在本联系点的联络员处完整显示，其他人看到的是“张**”。职业或单位可不填；空行不保存。</p>
        <ol className="resident-rows">
          {rows.map((row, i) => (
            <li key={row.key}>
              <label>
                <span className="sr-only">第 {i + 1} 位的</span>姓名
                <input name="residentName" maxLength={40} defaultValue={row.name} aria-invalid={invalid("residents")} />
              </label>
              <label>
                职业或单位
                <input name="residentOccupation" maxLength={40} defaultValue={row.occupation} placeholder="如：退休职工" />
              </label>
              {hydrated ? (
                <button type="button" className="link-button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                  删除<span className="sr-only">第 {i + 1} 位</span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {hydrated ? (
          <button type="button" className="button secondary small-button" onClick={() => setRows([...rows, { name: "", occupation: "", key: ++rowSeed }])}>增加一行</button>
        ) : (
          <p className="muted small">人数多于空行时，先保存，再在“修改座谈会信息”中继续添加。</p>
        )}
      </fieldset>
      <FieldMessage id="residents-error" message={errors.residents} />

      <label className="field narrow">
        <span>其他参会人数</span>
        <input type="number" name="attendeeCount" min={0} max={10000} inputMode="numeric" defaultValue={values.attendeeCount} aria-invalid={invalid("attendeeCount")} aria-describedby="attendeeCount-hint attendeeCount-error" />
        <small id="attendeeCount-hint" className="muted">未登记姓名的参会人员人数。</small>
      </label>
      <FieldMessage id="attendeeCount-error" message={errors.attendeeCount} />

      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{busy ? "正在保存…" : submitLabel}</button>
      </div>
    </Form>
  );
}
