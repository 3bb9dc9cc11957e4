import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { clearMocks } from '@tauri-apps/api/mocks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { afterEach, vi } from 'vitest';
import { clearDrafts } from '../autosave';

// findBy… and waitFor poll until what they wait for shows, so their timeout only bounds a failure. Testing Library's
// default (1 s) failed tests on a busy 2-core machine, where a lazily loaded step can take longer to appear.
configure({ asyncUtilTimeout: 15_000 });

// Mantine needs these browser APIs, which jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView = () => {};
// Textarea autosize listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
const { getComputedStyle } = window;
window.getComputedStyle = (elt: Element) => getComputedStyle(elt);

afterEach(() => {
  cleanup();
  clearMocks();
  notifications.clean();
  modals.closeAll();
  window.localStorage.clear();
  clearDrafts();
});
