// On a form post without JavaScript, Remix runs the action and then every loader of the page, with the same load
// context. An action leaves its outcome here so that the loader renders only what the answer needs (a small
// receipt page rather than the whole draft again).
const outcomes = new WeakMap<object, unknown>();

export function setActionOutcome<T>(context: object, outcome: T): void {
  outcomes.set(context, outcome);
}

export function getActionOutcome<T>(context: object): T | undefined {
  return outcomes.get(context) as T | undefined;
}
