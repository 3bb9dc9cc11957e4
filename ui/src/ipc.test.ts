import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { api, toApiError } from './ipc';

describe('toApiError', () => {
  it('keeps a well-formed ApiError', () => {
    const e = { code: 'validation', message: 'bad', fields: [{ field: 'name', code: 'taken' }] };
    expect(toApiError(e)).toEqual(e);
  });

  it('wraps anything else as internal', () => {
    expect(toApiError('boom')).toEqual({ code: 'internal', message: 'boom', fields: [] });
    expect(toApiError({ code: 'weird', message: 'x', fields: [] }).code).toBe('internal');
    expect(toApiError(null)).toEqual({ code: 'internal', message: 'null', fields: [] });
  });
});

describe('api', () => {
  it('passes camelCase arguments and normalises rejections', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      if (cmd === 'strategy_open') throw { code: 'not_found', message: 'gone', fields: [] };
      if (cmd === 'strategy_export') throw new Error('kaput');
      return null;
    });
    await api.strategySetStepCompleted(3, 'audit', true);
    expect(seen[0]).toEqual(['strategy_set_step_completed', { id: 3, step: 'audit', completed: true }]);
    await expect(api.strategyOpen(9)).rejects.toEqual({ code: 'not_found', message: 'gone', fields: [] });
    await expect(api.strategyExport(9)).rejects.toEqual({ code: 'internal', message: 'Error: kaput', fields: [] });
  });
});
