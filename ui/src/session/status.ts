// What the session's status means for the header, and reading what people paste
// into the join dialog. Pure functions, so they are tested without a window.
import type { MessageKey } from '../i18n';
import type { Translate } from '../i18n';
import { errorText } from '../i18n/errors';
import type { LiveStatus, PresenceEntry, WorkshopView } from '../types';

export type Tone = 'ok' | 'wait' | 'bad';

export interface Indicator {
  key: MessageKey;
  people: number;
  tone: Tone;
}

/** Of two statuses, the one read later: an answer and an event can arrive out of order. */
export function laterStatus(shown: LiveStatus | null, arrived: LiveStatus): LiveStatus {
  return shown && shown.read > arrived.read ? shown : arrived;
}

/** The header's status: none when working alone. */
export function indicator(status: LiveStatus): Indicator | null {
  // A copy read from the region's server: the relay's own state says it all.
  if (status.mode === 'reading') return null;
  const people = status.people;
  switch (status.connection) {
    case 'alone':
      return null;
    case 'connected':
      return { key: 'session.connected', people, tone: 'ok' };
    case 'connecting':
      return { key: 'session.connecting', people, tone: 'wait' };
    case 'reconnecting':
      return { key: 'session.reconnecting', people, tone: 'wait' };
    case 'lobby':
      return { key: 'session.lobby', people, tone: 'wait' };
    case 'offline':
    case 'refused':
      return { key: 'session.offline', people, tone: 'bad' };
  }
}

/** What the join dialog fills in from a pasted `paja://host:port?code=C&fp=…` link. */
export interface JoinInput {
  link: string;
  code: string;
}

/** Splits a pasted link into the address part to connect to and its code, if any. */
export function readJoinInput(text: string): JoinInput {
  const link = text.trim();
  const query = link.split('?')[1] ?? '';
  const code = new URLSearchParams(query).get('code') ?? '';
  return { link, code: code.toUpperCase() };
}

/** Join codes are read aloud and typed: ignore case, spaces and dashes. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** The board a person has open, by its title; null on the workshop's home page. */
export function whereIs(person: PresenceEntry, view: WorkshopView): string | null {
  if (!person.board) return null;
  return view.boards.find((b) => b.id === person.board)?.title ?? null;
}

/** Why the hub refused this person's last write, which their screen no longer shows. */
export function undoneText(t: Translate, status: LiveStatus): string | null {
  return status.undone ? t('session.undone', { reason: errorText(t, status.undone) }) : null;
}
