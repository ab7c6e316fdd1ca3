/**
 * The everyday-use strip under the header on signed-in pages: the offline queue's state, due
 * reminders and the first-run tour. One place so every page gets them without touching the pages.
 */
import { useLocation } from 'react-router';
import { OfflineStatus } from '../offline/OfflineStatus.tsx';
import { ReminderBanner } from '../reminders/ReminderBanner.tsx';
import type { Person } from '../session.tsx';
import { FirstRunTour } from './FirstRunTour.tsx';
import './everyday.css';

export function Everyday({ person }: { person: Person }) {
  const { pathname } = useLocation();
  return (
    <div className="everyday">
      <OfflineStatus personId={person.id} />
      <ReminderBanner personId={person.id} />
      {/* Only on Today, where a new person lands: never above a support screen on Checks or Support. */}
      {pathname === '/today' && <FirstRunTour personId={person.id} />}
    </div>
  );
}
