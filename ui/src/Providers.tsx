import type { ReactNode } from 'react';
import { createTheme, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import i18n from './i18n';

/** The interface fonts: the platform's own, system fonts only (the CSP forbids remote fonts). Each platform gets a
 *  short list that names its font first. On Linux the web view (WebKitGTK) asks fontconfig for every family of a list
 *  that is not installed, once for each size and weight the page uses: with the usual seven-family list the first
 *  screen took about 150 ms longer to appear. There `sans-serif` is the desktop's own interface font. */
export function fontsFor(userAgent: string): { sans: string; mono: string } {
  if (/Mac OS X|Macintosh/.test(userAgent)) {
    return { sans: 'system-ui, -apple-system, sans-serif', mono: 'ui-monospace, Menlo, monospace' };
  }
  if (/Windows/.test(userAgent)) return { sans: '"Segoe UI", system-ui, sans-serif', mono: 'Consolas, monospace' };
  return { sans: 'sans-serif', mono: 'monospace' };
}

const fonts = fontsFor(typeof navigator === 'undefined' ? '' : navigator.userAgent);

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: fonts.sans,
  fontFamilyMonospace: fonts.mono,
  headings: { fontFamily: fonts.sans },
});

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <QueryClientProvider client={client}>
          <ModalsProvider>
            <Notifications position="bottom-right" limit={4} />
            {children}
          </ModalsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
