// The benchmark step on the sample strategy's benchmark as Rust answers it (test/fixtures/sample-benchmark.json,
// written by src-tauri/cinq-core/tests/ui_fixtures.rs): the screen reads the shape Rust answers.
import { render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { AppProviders } from '../../Providers';
import { createQueryClient } from '../../queries';
import { sampleBenchmarkView } from '../../test/sample';
import { BenchmarkStep } from './BenchmarkStep';
import { installSampleBenchmarkBackend } from './testBackend';

beforeAll(() => {
  // jsdom lays nothing out, so the charts' containers have no size: recharts says so for every chart; keep quiet.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('of chart should be greater than 0')) return;
    warn(...args);
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('the benchmark on the sample strategy', () => {
  it('lists the sample’s competitors, with their types, from Rust’s view', async () => {
    await i18n.changeLanguage('en');
    const backend = installSampleBenchmarkBackend();
    render(
      <AppProviders client={createQueryClient()}>
        <BenchmarkStep strategyId={1} />
      </AppProviders>,
    );
    await screen.findByTestId('benchmark');
    const players = sampleBenchmarkView().benchmark.players;
    expect(players.length).toBeGreaterThan(1);
    const names = await screen.findAllByTestId('player-card-name');
    expect(names.map((n) => n.textContent)).toEqual(players.map((p) => p.name));
    expect(screen.getAllByTestId('player-type')).toHaveLength(players.length);
    expect(backend.callsTo('benchmark_get')).not.toHaveLength(0);
  });
});
