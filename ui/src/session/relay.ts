// The relay to the region's server in words: what the host dialog, the session bar and
// the start screen's "Avaa palvelimelta" say, and what a form needs before it is sent.
// Pure functions, so they are tested without a window.
import type { MessageKey, Translate } from '../i18n';
import { errorText } from '../i18n/errors';
import type { RelayStatus } from '../types';
import type { Tone } from './status';

/** What a person types to reach a workshop on the server. */
export interface RelayInput {
  url: string;
  token: string;
  workshop: string;
}

/** The first thing missing from the form, as a message key; null when it can be sent.
 * With a token saved in the file, an empty token field means that one. */
export function missingInRelay(input: RelayInput, tokenSaved = false): MessageKey | null {
  if (!input.url.trim()) return 'relay.missing.address';
  if (!input.workshop.trim()) return 'relay.missing.workshop';
  if (!input.token.trim() && !tokenSaved) return 'relay.missing.token';
  return null;
}

/** The form as sent: no stray spaces from a paste. */
export function trimmedRelay(input: RelayInput): RelayInput {
  return { url: input.url.trim(), token: input.token.trim(), workshop: input.workshop.trim() };
}

/** The relay's state in one sentence, as the host dialog says it (off when there is none). */
export function relaySentence(t: Translate, relay: RelayStatus | null): string {
  if (!relay) return t('relay.state.off');
  switch (relay.state) {
    case 'connecting':
      return t('relay.state.connecting');
    case 'connected':
      return t('relay.state.connected', { address: relay.address, workshop: relay.workshop });
    case 'offline':
      return t('relay.state.offline');
    case 'refused':
      return relay.refusal ? errorText(t, relay.refusal) : t('relay.state.refused');
  }
}

/** The session bar's short word for the relay, and its tone. */
export function relayBadge(relay: RelayStatus): { key: MessageKey; tone: Tone } {
  switch (relay.state) {
    case 'connecting':
      return { key: 'relay.bar.connecting', tone: 'wait' };
    case 'connected':
      return { key: 'relay.bar.connected', tone: 'ok' };
    case 'offline':
      return { key: 'relay.bar.offline', tone: 'bad' };
    case 'refused':
      return { key: 'relay.bar.refused', tone: 'bad' };
  }
}
