import { createContext, useContext } from 'react';

export interface Nav {
  goWelcome: () => void;
  goList: () => void;
  openStrategy: (id: number) => void;
  openSettings: () => void;
  /** Tells the backend, once, that the first screen is shown with its data. */
  markReady: () => void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside NavContext');
  return nav;
}
