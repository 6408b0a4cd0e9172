// The compile's progress bar, live: while a version is being compiled the page asks the progress resource route
// (a small JSON answer) every 0.8 s and moves the bar; when the job is done it reloads the page's data, which then
// shows the compiled report. Without JavaScript the bar shows where the job stood when the page was loaded, and a
// link reloads the page.
import { useEffect, useState } from "react";
import { useRevalidator } from "@remix-run/react";

export interface CompileProgressState {
  version: number;
  status: string;
  /** 0..100 */
  percent: number;
  /** What the job is doing, in Chinese: 排队等待 / 读取意见 / 归并相同意见 / 生成红线 … */
  stage: string;
  error: string | null;
}

const POLL_MS = 800;
const RUNNING = new Set(["draft", "compiling"]);

export function CompileProgress({ progressUrl, initial }: { progressUrl: string; initial: CompileProgressState }) {
  const [state, setState] = useState(initial);
  const revalidator = useRevalidator();
  useEffect(() => setState(initial), [initial]);
  useEffect(() => {
    if (!RUNNING.has(state.status)) return;
    let stopped = false;
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(progressUrl, { headers: { Accept: "application/json" } });
        if (!response.ok || stopped) return;
        const next = (await response.json()) as CompileProgressState | null;
        if (stopped || !next) return;
        if (next.version !== state.version || !RUNNING.has(next.status)) revalidator.revalidate();
        setState(next);
      } catch {
        // A dropped connection: the next tick tries again with the same state.
        if (!stopped) setState((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // revalidator is a new object on every render: polling depends on the state only.
  }, [state, progressUrl]);

  const percent = Math.max(0, Math.min(100, Math.round(state.percent)));
  const running = RUNNING.has(state.status);
  return (
    <div className="compile-progress" data-status={state.status} data-percent={percent} data-stage={state.stage}>
      <div className="compile-progress-head">
        <span id="compile-progress-label">第 {state.version} 版汇总{running ? "进行中" : state.status === "failed" ? "失败" : "已完成"}</span>
        <span className="compile-progress-figure" aria-hidden="true">{percent}%</span>
      </div>
      <progress className="compile-progress-bar" max={100} value={percent} aria-labelledby="compile-progress-label" aria-valuetext={`${percent}%，${state.stage}`} />
      <p className="small compile-progress-stage" role="status">{state.stage}</p>
      {state.status === "failed" && state.error ? <p className="error" role="alert">{state.error}</p> : null}
      {running ? <noscript><p className="small"><a href="?">刷新页面查看进度</a></p></noscript> : null}
    </div>
  );
}
