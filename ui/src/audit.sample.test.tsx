// The audit step on the sample strategy's audit as Rust answers it (test/fixtures/sample-audit.json, written by
// src-tauri/cinq-core/tests/ui_fixtures.rs): the screen reads the shape Rust answers.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installSampleBackend } from './test/backend';
import { renderApp } from './test/render';

describe('the audit on the sample strategy', () => {
  it('shows the sample’s personas, each with its description, from Rust’s view', async () => {
    const { view } = installSampleBackend();
    await renderApp();
    await screen.findByTestId('audit');
    await screen.findByTestId('audit-tab-audiences');
    const names = await screen.findAllByTestId('persona-name-text');
    expect(view.audit.personas.length).toBeGreaterThan(1);
    expect(names.map((n) => n.textContent)).toEqual(view.audit.personas.map((p) => p.name));
    const cards = screen.getAllByTestId('persona-card');
    view.audit.personas.forEach((p, i) => {
      if (p.description) expect(within(cards[i]).getByText(p.description, { exact: false })).toBeInTheDocument();
    });
  });
});
