// Where collab-server writes its log lines; tests pass a quiet one.
export type Logger = Pick<Console, "info" | "warn" | "error">;
