// The running side of the "Vie" dialog: the target file (a free default until the
// person picks one), the export with its progress, and how it ended.
import { useCallback, useEffect, useState } from 'react';
import { BackendError } from '../backend';
import type { ExportCommands } from '../backend/export';
import { chosenBoard, extension, toRequest, type Choices } from './choices';

export type Phase =
  | { state: 'ready' }
  | { state: 'running'; fraction: number | null }
  | { state: 'done'; path: string }
  | { state: 'failed'; code: string };

const codeOf = (err: unknown) => (err instanceof BackendError ? err.code : 'unknown');

export function useExport(commands: ExportCommands, choices: Choices) {
  const [path, setPath] = useState('');
  const [picked, setPicked] = useState(false);
  const [phase, setPhase] = useState<Phase>({ state: 'ready' });
  const [written, setWritten] = useState(0);
  const board = chosenBoard(choices);

  // A new format or board gets a new free name, unless the person picked the file.
  useEffect(() => {
    if (picked) return;
    let live = true;
    commands.defaultPath(choices.format, board).then(
      (p) => live && setPath(p),
      (err: unknown) => live && setPhase({ state: 'failed', code: codeOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [commands, choices.format, board, picked, written]);

  const change = useCallback(
    async (filterName: string) => {
      const ext = extension(choices.format);
      const chosen = await commands.chooseSavePath(path, { name: filterName, extensions: [ext] });
      if (!chosen) return;
      setPicked(true);
      setPath(chosen.toLowerCase().endsWith(`.${ext}`) ? chosen : `${chosen}.${ext}`);
    },
    [commands, choices.format, path],
  );

  const start = useCallback(async () => {
    setPhase({ state: 'running', fraction: null });
    const stop = commands.onProgress((fraction) => setPhase({ state: 'running', fraction }));
    try {
      const written = await commands.exportWorkshop(toRequest(choices, path));
      setPhase({ state: 'done', path: written });
      // The next export goes to a new free name, never over this one.
      setPicked(false);
      setWritten((n) => n + 1);
    } catch (err) {
      setPhase({ state: 'failed', code: codeOf(err) });
    } finally {
      stop();
    }
  }, [commands, choices, path]);

  const reset = useCallback(() => setPhase({ state: 'ready' }), []);
  return { path, phase, change, start, reset };
}
