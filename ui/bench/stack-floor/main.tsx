// The floor of Cinq's stack, for the start-up benchmark (tests/bench/startup.sh): React and Mantine, as Cinq loads
// them, showing one button and nothing else (no data, no texts, no queries). Ready once rendered, reported after the
// paint that follows, as Cinq and the empty shell do.
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, MantineProvider } from '@mantine/core';
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Button.css';

type Internals = { __TAURI_INTERNALS__: { invoke: (cmd: string, args: unknown) => Promise<unknown> } };
const marks: Record<string, number> = { script: Math.round(performance.now()) };

function Ready() {
  useEffect(() => {
    marks.ready = Math.round(performance.now());
    requestAnimationFrame(() =>
      setTimeout(() => {
        marks.painted = Math.round(performance.now());
        void (window as unknown as Internals).__TAURI_INTERNALS__.invoke('ui_ready', { marks: JSON.stringify(marks) });
      }, 0),
    );
  }, []);
  return null;
}

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <MantineProvider defaultColorScheme="auto">
    <Button onClick={() => (document.title = 'Clicked')}>Start</Button>
    <Ready />
  </MantineProvider>,
);
