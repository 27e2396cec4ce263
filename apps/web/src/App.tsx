import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/Shell';
import { ChangePassword } from './pages/ChangePassword';
import { Dashboard } from './pages/Dashboard';
import { Documents } from './pages/Documents';
import { Ledger } from './pages/Ledger';
import { MeasureTrail } from './pages/ledger/MeasureTrail';
import { MeasurePage } from './pages/MeasurePage';
import { PAPER_READERS } from './pages/documents/papers/Papers';
import { MyWork } from './pages/MyWork';
import { Setup } from './pages/Setup';
import { SignIn } from './pages/SignIn';
import { DESK_ROLES, SupervisorDesk } from './pages/SupervisorDesk';
import './i18n';
import { useInspectionRoles, useSession } from './session';

/** A page opened by URL that the person's roles do not include says so (the menu does not offer it either). */
function Allowed({ when, children }: { when: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return when ? (
    children
  ) : (
    <div data-testid="access-denied">
      <Result status="403" title={t('access.denied')} subTitle={t('access.deniedHelp')} />
    </div>
  );
}

export function AppRoutes() {
  const { me, loading, passwordChange } = useSession();
  const roles = useInspectionRoles();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (passwordChange) return <ChangePassword />;
  if (!me) return <SignIn />;
  // The desk is across inspections: a role in any of them opens it; the supervisor lands on it.
  const deskAllowed = me.roles.some((role) => DESK_ROLES.includes(role.role));
  const landing = me.roles.some((role) => role.role === 'supervisor') ? '/desk' : '/work';
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to={landing} replace />} />
        <Route
          path="/desk"
          element={
            <Allowed when={deskAllowed}>
              <SupervisorDesk />
            </Allowed>
          }
        />
        <Route path="/work" element={<MyWork />} />
        <Route path="/ledger" element={<Ledger />} />
        <Route path="/dashboard" element={<Dashboard />} />
        <Route
          path="/measures/:id"
          element={
            <>
              <MeasureTrail />
              <MeasurePage />
            </>
          }
        />
        <Route
          path="/setup"
          element={
            <Allowed when={me?.isAdmin === true}>
              <Setup />
            </Allowed>
          }
        />
        <Route
          path="/documents"
          element={
            <Allowed when={roles.some((role) => PAPER_READERS.includes(role))}>
              <Documents />
            </Allowed>
          }
        />
        <Route path="*" element={<Navigate to="/work" replace />} />
      </Routes>
    </Shell>
  );
}
