import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Center, Loader, Stack, Text, Title, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from './bindings';
import i18n, { resolveLanguage } from './i18n';
import { api } from './ipc';
import { finishStartup, sentMarks } from './startup';
import { NavContext, useNav, type Nav } from './nav';
import { qk, useAppInfo, useSettings } from './queries';
import { SettingsModal } from './lazy';
import { StrategiesScreen } from './components/StrategiesScreen';
import { StrategyView } from './components/StrategyView';
import { Welcome } from './components/Welcome';

type View = { kind: 'welcome' } | { kind: 'list' } | { kind: 'strategy'; id: number };

export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system' };

/** Applies the language and theme preferences as soon as they are known or change. */
function useApplySettings(settings: Settings | undefined, systemLanguage: Language | undefined) {
  const { setColorScheme } = useMantineColorScheme();
  const language = settings?.language;
  const themePref = settings?.theme;
  useEffect(() => {
    if (!language) return;
    const lang = resolveLanguage(language, systemLanguage);
    document.documentElement.lang = lang;
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [language, systemLanguage]);
  useEffect(() => {
    if (!themePref) return;
    setColorScheme(themePref === 'system' ? 'auto' : themePref);
  }, [themePref, setColorScheme]);
}

export function App() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const appInfo = useAppInfo();
  const settings = useSettings();
  useApplySettings(settings.data, appInfo.data?.system_language);

  const [chosen, setChosen] = useState<View | null>(null);
  const [settingsOpened, setSettingsOpened] = useState(false);
  const readySent = useRef(false);


  const nav = useMemo<Nav>(
    () => ({
      goWelcome: () => setChosen({ kind: 'welcome' }),
      goList: () => setChosen({ kind: 'list' }),
      openStrategy: (id) => {
        // Opening records the strategy to reopen at the next start.
        api
          .strategyOpen(id)
          .then((s) => queryClient.setQueryData(qk.strategy(id), s))
          .catch(() => undefined);
        setChosen({ kind: 'strategy', id });
      },
      openSettings: () => setSettingsOpened(true),
      markReady: () => {
        if (readySent.current) return;
        readySent.current = true;
        const marks = finishStartup();
        // The style and layout the paint needs, done now so that the benchmark sees them apart from the frame
        // ("style", "layout"), then the frame's start ("raf").
        void getComputedStyle(document.body).color;
        marks.style = Math.round(performance.now());
        void document.body.offsetHeight;
        marks.layout = Math.round(performance.now());
        // Told once the first screen is painted: after the next animation frame, in the task that follows it.
        requestAnimationFrame(() => {
          marks.raf = Math.round(performance.now());
          setTimeout(() => {
            marks.painted = Math.round(performance.now());
            api.uiReady(JSON.stringify(sentMarks(marks))).catch(() => undefined);
            // Then fetch what the strategy form will need.
            void queryClient.prefetchQuery({ queryKey: qk.timezones, queryFn: api.timezones });
          }, 0);
        });
      },
    }),
    [queryClient],
  );
  const closeSettings = useCallback(() => setSettingsOpened(false), []);

  if (appInfo.isPending || settings.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (appInfo.isError) {
    // The database could not be opened (newer schema, not a database, unwritable, …).
    const e = appInfo.error;
    return (
      <NavContext.Provider value={nav}>
        <LoadError code={e.code} message={e.message} onRetry={() => void appInfo.refetch()} />
      </NavContext.Provider>
    );
  }
  const lastId = appInfo.data.last_strategy_id;
  const view: View = chosen ?? (lastId != null ? { kind: 'strategy', id: lastId } : { kind: 'welcome' });

  return (
    <NavContext.Provider value={nav}>
      {view.kind === 'welcome' && <Welcome />}
      {view.kind === 'list' && <StrategiesScreen />}
      {view.kind === 'strategy' && <StrategyView key={view.id} id={view.id} />}
      <SettingsModal
        opened={settingsOpened}
        onClose={closeSettings}
        appInfo={appInfo.data}
        settings={settings.data ?? DEFAULT_SETTINGS}
      />
    </NavContext.Provider>
  );
}

function LoadError({ code, message, onRetry }: { code: string; message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const nav = useNav();
  useEffect(() => nav.markReady(), [nav]);
  const key = `errors.${code}`;
  return (
    <Center h="100vh" p="xl" data-testid="load-error">
      <Stack align="center" maw={560} ta="center">
        <Title order={2}>{t('app.loadFailed')}</Title>
        <Text>{i18n.exists(key) ? t(key, { message }) : t('errors.internal')}</Text>
        <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {t('errors.detail', { message })}
        </Text>
        <Button onClick={onRetry}>{t('app.retry')}</Button>
      </Stack>
    </Center>
  );
}
