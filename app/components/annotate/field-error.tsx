/** A field's message next to it (the field points at it with aria-describedby). */
export function FieldError({ message, id }: { message?: string; id: string }) {
  return message ? <span className="field-error" id={id} role="alert">{message}</span> : null;
}
