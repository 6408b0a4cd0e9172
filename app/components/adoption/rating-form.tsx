// The resident rates how their opinion was handled, once the committee has answered it: 满意 / 基本满意 / 不满意, large
// touch targets, a plain form (works without JavaScript). Rating again replaces the earlier rating.
import { Form, useNavigation } from "@remix-run/react";
import type { Satisfaction } from "~/generated/prisma/enums";
import { SATISFACTION_LABELS, SATISFACTIONS } from "./satisfaction";

export function RatingForm({ current, justRated, error }: { current: Satisfaction | null; justRated: boolean; error?: string | null }) {
  const navigation = useNavigation();
  return (
    <section className="card receipt-card rating-form" aria-labelledby="rating-title">
      <h2 id="rating-title">您对办理情况满意吗？</h2>
      {justRated ? <p className="notice" role="status">感谢您的评价。</p> : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {current && !justRated ? <p className="muted">您已评价：{SATISFACTION_LABELS[current]}。如有改变，可以重新选择。</p> : null}
      <Form method="post" preventScrollReset>
        <fieldset>
          <legend className="sr-only">您对办理情况满意吗？</legend>
          <div className="rating-choices">
            {SATISFACTIONS.map((s) => (
              <label key={s}>
                <input type="radio" name="satisfaction" value={s} defaultChecked={current === s} required /> {SATISFACTION_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>{current ? "修改评价" : "提交评价"}</button>
      </Form>
    </section>
  );
}
