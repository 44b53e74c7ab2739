// Hand-written placeholder for the ts-rs output; see WorkshopView.ts.
// Each kind adds its own fields beside `kind`; this page reads only `kind`.
import type { BoardKind } from './BoardKind';

export type BoardContent = { kind: BoardKind };
