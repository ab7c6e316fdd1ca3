/**
 * The everyday-use strip under the header on signed-in pages: the offline queue's state and due
 * reminders. One place so every page gets them without touching the pages. On Today, reminders
 * and the first-run tour sit below the check-in, so they never push the form off the first screen.
 */
import { useLocation } from 'react-router';
import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { ReminderBanner } from '../reminders/ReminderBanner.tsx';
import type { Person } from '../session.tsx';
import './everyday.css';

export function Everyday({ person }: { person: Person }) {
  const { pathname } = useLocation();
  return (
    <div className="everyday">
      <OfflineStatus personId={person.id} />
      {/* Today shows its reminders below the check-in (routes/Today.tsx), not above it. */}
      {pathname !== '/today' && <ReminderBanner personId={person.id} />}
    </div>
  );
}
