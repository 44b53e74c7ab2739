// The shared countdown, worked out from the control document's timer and this
// computer's clock. Pure, so the end signal can be tested without waiting.
import type { Timer } from '../types';

export type Countdown = { left: number; ended: boolean };

/** Whole seconds left (never below 0) and whether time is up; null when no timer runs. */
export function countdown(timer: Timer | null | undefined, nowMs: number): Countdown | null {
  if (!timer || !timer.running) return null;
  const passed = Math.max(0, nowMs - timer.started_at_ms) / 1000;
  const left = Math.max(0, Math.ceil(timer.seconds - passed));
  return { left, ended: left === 0 };
}

/** `m:ss`, as a kitchen timer shows it. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
