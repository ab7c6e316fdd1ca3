/**
 * Log: the day's food, habits and the person's own measures. `?date=YYYY-MM-DD` opens a past day.
 * Everything saved here becomes observations, so program goals tick on Today at once.
 */
import { useNavigate, useSearchParams } from 'react-router';
import { isLocalDate } from '../../core/dates.ts';
import { TodayGoals } from '../components/TodayGoals.tsx';
import { formatDate, useToday } from '../useToday.ts';
import { CustomMeasures } from './CustomMeasures.tsx';
import { FoodLogger } from './FoodLogger.tsx';
import { HabitForm } from './HabitForm.tsx';
import './tracking.css';

export default function Log() {
  const today = useToday();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get('date');
  const date = asked && isLocalDate(asked) && asked <= today ? asked : today;
  return (
    <div className="log-page">
      <header className="page-head">
        <div>
          <p className="eyebrow">{date === today ? 'Today' : 'A past day'}</p>
          <h1>Log food and habits</h1>
          <p className="muted">{formatDate(date)}</p>
        </div>
        <label className="date-pick">
          <span className="muted small">Day</span>
          <input
            type="date"
            value={date}
            max={today}
            onChange={(e) =>
              navigate(e.target.value && e.target.value !== today ? `/log?date=${e.target.value}` : '/log')
            }
          />
        </label>
      </header>
      <div className="log-grid">
        <div>
          <FoodLogger date={date} />
        </div>
        <div>
          <HabitForm key={date} date={date} />
          <CustomMeasures date={date} />
          <TodayGoals date={date} />
        </div>
      </div>
    </div>
  );
}
