import type { ReactNode } from 'react';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from './i18n';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // System fonts only: the CSP forbids remote fonts.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
});

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: inst } = useTranslation();
  const locale = inst.language === 'fr' ? 'fr' : 'en';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: locale === 'fr' ? 1 : 0 }}>{children}</DatesProvider>
  );
}

export function AppProviders({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <QueryClientProvider client={client}>
          <LocalizedDates>
            <ModalsProvider>
              <Notifications position="bottom-right" limit={4} />
              {children}
            </ModalsProvider>
          </LocalizedDates>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
