// The core's read-only queries, for any component: suggestions and plain-language
// hints, traces, what changed after a round, evaluations over time. They change
// nothing; every edit goes through `run`.
import { createContext, useContext } from 'react';
import type { WorkshopCommands } from './workshop';

export type CoreQueries = Pick<WorkshopCommands, 'suggestGroups' | 'similarItems' | 'plainLanguage' | 'evaluationOverTime' | 'traces' | 'roundChanges'>;

export const QueriesContext = createContext<CoreQueries | null>(null);

export function useQueries(): CoreQueries | null {
  return useContext(QueriesContext);
}
