// Who was at a forum, as each viewer may see them: deputies by name; residents and company representatives by name
// for the contact point's staff, masked (张**) for everyone else. The speakers offered on the capture board follow
// the same rule: others may pick deputies, and type a resident's name themselves. Pure.
import { maskName } from "~/comments/mask";

export interface AttendeeRecord {
  id: string;
  userId: string | null;
  name: string;
  occupation: string | null;
}

export interface AttendeeView {
  key: string;
  name: string;
  occupation: string | null;
  deputy: boolean;
}

export interface SpeakerChoice {
  key: string;
  name: string;
  occupation: string | null;
  /** A deputy's user id: the comment is attributed to their account. */
  userId: string | null;
}

export function forumAttendeesFor(attendees: AttendeeRecord[], unmasked: boolean): AttendeeView[] {
  return attendees.map((a) => ({
    key: a.id,
    name: a.userId || unmasked ? a.name : maskName(a.name),
    occupation: a.userId ? null : a.occupation,
    deputy: Boolean(a.userId),
  }));
}

export function forumSpeakersFor(attendees: AttendeeRecord[], unmasked: boolean): SpeakerChoice[] {
  return attendees
    .filter((a) => a.userId || unmasked)
    .map((a) => ({ key: a.id, name: a.name, occupation: a.userId ? null : a.occupation, userId: a.userId }));
}
