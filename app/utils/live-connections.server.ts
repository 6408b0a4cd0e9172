// How many live-event streams one user holds open in this web process (one per open tab is normal; a script
// opening hundreds would pin sockets and memory). Per process: behind a load balancer the cap applies per process.
const open = new Map<string, number>();

/** A lease on one more stream for the user, or null when they are at the cap. Release it exactly once. */
export function reserveLiveConnection(userId: string, cap: number): { release(): void } | null {
  const count = open.get(userId) ?? 0;
  if (count >= cap) return null;
  open.set(userId, count + 1);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const left = (open.get(userId) ?? 1) - 1;
      if (left <= 0) open.delete(userId);
      else open.set(userId, left);
    },
  };
}
