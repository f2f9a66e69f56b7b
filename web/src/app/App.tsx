import { OverviewPanel } from '../features/overview/OverviewPanel';

export function App() {
  return (
    <main>
      <header>
        <h1>Ringtrace</h1>
        <p className="muted">Investigation graph for industrial fraud networks</p>
      </header>
      <OverviewPanel />
    </main>
  );
}
