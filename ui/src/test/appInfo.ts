// What the fakes answer `app_info` with. Cinq's limits come from Rust (fixtures/limits.json, written by
// `UPDATE_FIXTURES=1 cargo test -p cinq-core --test ui_fixtures`): the fakes never keep their own copy.
import type { AppInfo, Limits } from '../bindings';
import limits from './fixtures/limits.json';

export const LIMITS: Limits = limits;

export function fakeAppInfo(partial: Partial<AppInfo> = {}): AppInfo {
  return {
    name: 'Cinq',
    version: '0.1.0',
    db_path: '/home/me/.local/share/cinq/cinq.db',
    last_strategy_id: null,
    system_language: 'en',
    limits: LIMITS,
    ...partial,
  };
}
