import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Settings, User } from './api-types.ts';

export interface SessionValue {
  user: User;
  settings: Settings;
  /** Replaces the signed-in user (after a locale change, for example). */
  setUser: (user: User) => void;
  setSettings: (settings: Settings) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user and site settings; only used inside the signed-in shell. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in app');
  return value;
}
