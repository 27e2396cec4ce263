import { Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Shell } from './components/Shell';
import { ChangePassword } from './pages/ChangePassword';
import { Dashboard } from './pages/Dashboard';
import { Documents } from './pages/Documents';
import { Ledger } from './pages/Ledger';
import { MeasurePage } from './pages/MeasurePage';
import { MyWork } from './pages/MyWork';
import { Setup } from './pages/Setup';
import { SignIn } from './pages/SignIn';
import './i18n';
import { useSession } from './session';

export function AppRoutes() {
  const { me, loading, passwordChange } = useSession();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (passwordChange) return <ChangePassword />;
  if (!me) return <SignIn />;
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<Navigate to="/work" replace />} />
        <Route path="/work" element={<MyWork />} />
        <Route path="/ledger" element={<Ledger />} />
        <Route path="/dashboard" element={<Dashboard />} />
        <Route path="/measures/:id" element={<MeasurePage />} />
        <Route path="/setup" element={<Setup />} />
        <Route path="/documents" element={<Documents />} />
        <Route path="*" element={<Navigate to="/work" replace />} />
      </Routes>
    </Shell>
  );
}
