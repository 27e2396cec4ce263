import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, call, client, loadTokens, saveTokens, Schemas } from './api';

export type Me = Schemas['MeResponse'];

interface Session {
  me: Me | null;
  loading: boolean;
  /** Signed in with a one-time password from a reset: only the password change is open. */
  passwordChange: { current: string | null } | null;
  changePassword: (current: string, next: string) => Promise<void>;
  inspectionId: string | null;
  setInspectionId: (id: string | null) => void;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const INSPECTION = 'rectiflow.inspection';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [passwordChange, setPasswordChange] = useState<{ current: string | null } | null>(null);
  const [inspectionId, setInspection] = useState<string | null>(localStorage.getItem(INSPECTION));

  const setInspectionId = useCallback((id: string | null) => {
    if (id) localStorage.setItem(INSPECTION, id);
    else localStorage.removeItem(INSPECTION);
    setInspection(id);
  }, []);

  const loadMe = useCallback(async () => {
    if (!loadTokens()) {
      setMe(null);
      setLoading(false);
      return;
    }
    try {
      setMe(await call(() => client.GET('/api/auth/me')));
    } catch (failure) {
      setMe(null);
      // Signed in, but the password must be changed first: keep the tokens for the change.
      if (failure instanceof ApiError && failure.code === 'PASSWORD_CHANGE_REQUIRED')
        setPasswordChange((known) => known ?? { current: null });
      else saveTokens(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadMe();
    const signedOut = () => {
      setMe(null);
      setPasswordChange(null);
    };
    const mustChange = () => setPasswordChange((known) => known ?? { current: null });
    window.addEventListener('rectiflow:signed-out', signedOut);
    window.addEventListener('rectiflow:password-change-required', mustChange);
    return () => {
      window.removeEventListener('rectiflow:signed-out', signedOut);
      window.removeEventListener('rectiflow:password-change-required', mustChange);
    };
  }, [loadMe]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const tokens = await call(() => client.POST('/api/auth/sign-in', { body: { username, password } }));
      saveTokens(tokens);
      if (tokens.passwordChangeRequired) {
        // The one-time password just typed is the current one: the change form need not ask again.
        setPasswordChange({ current: password });
        return;
      }
      await loadMe();
    },
    [loadMe],
  );

  const changePassword = useCallback(
    async (current: string, next: string) => {
      saveTokens(
        await call(() => client.POST('/api/auth/password', { body: { currentPassword: current, newPassword: next } })),
      );
      setPasswordChange(null);
      setLoading(true);
      await loadMe();
    },
    [loadMe],
  );

  const signOut = useCallback(async () => {
    const tokens = loadTokens();
    if (tokens)
      await call(() => client.POST('/api/auth/sign-out', { body: { refreshToken: tokens.refreshToken } })).catch(
        () => undefined,
      );
    saveTokens(null);
    setMe(null);
    setPasswordChange(null);
  }, []);

  const value = useMemo(
    () => ({ me, loading, passwordChange, changePassword, inspectionId, setInspectionId, signIn, signOut }),
    [me, loading, passwordChange, changePassword, inspectionId, setInspectionId, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The person's roles in the current inspection (office, reviewer, group_head, supervisor). */
export function useInspectionRoles(): string[] {
  const { me, inspectionId } = useSession();
  return (me?.roles ?? []).filter((role) => role.inspectionId === inspectionId).map((role) => role.role);
}
