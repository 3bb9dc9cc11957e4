import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Strategy } from './bindings';
import { notifyError, notifySuccess } from './errors';
import { api } from './ipc';
import { qk } from './queries';

/** `sample_create`; `then` receives the new strategy. */
export function useSampleCreate(then?: (s: Strategy) => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.sampleCreate,
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: qk.strategies });
      notifySuccess(t('strategies.sampleAdded', { name: s.name }));
      then?.(s);
    },
    onError: notifyError,
  });
}

/** `strategy_import` (native open dialog); nothing happens when the user cancels. */
export function useImport(then?: (s: Strategy) => void) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.strategyImport(i18n.language === 'fr' ? 'fr' : 'en'),
    onSuccess: (s) => {
      if (!s) return;
      void queryClient.invalidateQueries({ queryKey: qk.strategies });
      notifySuccess(t('strategies.imported', { name: s.name }));
      then?.(s);
    },
    onError: notifyError,
  });
}
