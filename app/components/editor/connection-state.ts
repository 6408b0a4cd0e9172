// What the status line of a live document says: connected, reconnecting, offline (edits kept in this browser), or
// closed for good by the server, and why.
import { useSyncExternalStore } from "react";
import { PERMANENT_CLOSE_CODES } from "./collaboration";
import type { CollabSession } from "./use-collab-provider";

/** Why the server closed the connection for good, as the user can act on it. */
const CLOSED_LABELS: Record<number, string> = {
  [PERMANENT_CLOSE_CODES.documentTooLarge]: "内容已达到大小上限，最近的修改未能保存。请复制未保存的内容，刷新页面并删减后再编辑",
  [PERMANENT_CLOSE_CODES.contentNotAllowed]: "最近的修改包含不支持的内容，未能保存。请复制未保存的内容后刷新页面",
  [PERMANENT_CLOSE_CODES.tooManyMessages]: "操作过于频繁，连接已关闭。请刷新页面",
};

export type ConnectionState = "connected" | "syncing" | "reconnecting" | "offline" | "closed";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Whether the browser believes it has a network (true during server rendering). */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}

export function connectionState(session: Pick<CollabSession, "status" | "synced">, online: boolean): ConnectionState {
  if (session.status === "closed") return "closed";
  if (session.status === "connected") return session.synced ? "connected" : "syncing";
  return online ? "reconnecting" : "offline";
}

export function connectionLabel(state: ConnectionState, { closeCode, keptLocally, editable }: { closeCode: number | null; keptLocally: boolean; editable: boolean }): string {
  switch (state) {
    case "connected":
      return editable ? "已连接，修改即时同步" : "已连接";
    case "syncing":
      return "已连接，正在同步…";
    case "reconnecting":
      return editable ? `连接中断，正在重新连接（${keptLocally ? "修改已保存在本机" : "已输入的内容不会丢失"}）` : "连接中断，正在重新连接";
    case "offline":
      return editable ? `离线：${keptLocally ? "修改已保存在本机，" : ""}恢复网络后自动同步` : "离线";
    case "closed":
      return CLOSED_LABELS[closeCode ?? 0] ?? "连接已关闭，最近的修改未能保存，请复制未保存的内容后刷新页面";
  }
}
