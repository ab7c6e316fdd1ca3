/**
 * Every page of the web app. Pages load lazily so the first screen (Today) stays small.
 * Add a capability's pages here and its nav entry in components/Layout.tsx.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  type RouteObject,
  RouterProvider,
  useLocation,
  useSearchParams,
} from 'react-router';
import { Layout } from './components/Layout.tsx';
import { withErrorScreens } from './components/RouteError.tsx';
import { Loading } from './components/States.tsx';
import { signedInBefore } from './offline/lastPerson.ts';
import { safeNext } from './safeNext.ts';
import { useSession } from './session.tsx';

const Today = lazy(() => import('./checkin/Today.tsx'));
const History = lazy(() => import('./checkin/History.tsx'));
const Settings = lazy(() => import('./account/Settings.tsx'));
const Login = lazy(() => import('./account/Login.tsx'));
const Register = lazy(() => import('./account/Register.tsx'));
const Landing = lazy(() => import('./landing/Landing.tsx'));
const NotFound = lazy(() => import('./components/NotFound.tsx'));
const Checks = lazy(() => import('./checks/Checks.tsx'));
const ChecksQuestionnaire = lazy(() => import('./checks/ChecksQuestionnaire.tsx'));
const ChecksSignals = lazy(() => import('./checks/ChecksSignals.tsx'));
const ChecksResult = lazy(() => import('./checks/ChecksResult.tsx'));
const Support = lazy(() => import('./safety/Support.tsx'));
const DataSharing = lazy(() => import('./data/DataSharing.tsx'));
const Clinician = lazy(() => import('./clinician/Clinician.tsx'));
const Learn = lazy(() => import('./learn/Learn.tsx'));
const LearnNode = lazy(() => import('./learn/LearnNode.tsx'));
const LearnTooFar = lazy(() => import('./learn/LearnTooFar.tsx'));
const Quiz = lazy(() => import('./learn/Quiz.tsx'));
const Log = lazy(() => import('./tracking/Log.tsx'));
const Programs = lazy(() => import('./programs/Programs.tsx'));
const Microbiome = lazy(() => import('./microbiome/Microbiome.tsx'));
const MicrobiomeSample = lazy(() => import('./microbiome/MicrobiomeSample.tsx'));
const Insights = lazy(() => import('./insights/Insights.tsx'));
const InsightsWeek = lazy(() => import('./insights/InsightsWeek.tsx'));
const ClinicHome = lazy(() => import('./clinics/ClinicHome.tsx'));
const Caseload = lazy(() => import('./clinics/Caseload.tsx'));
const ClinicTeam = lazy(() => import('./clinics/ClinicTeam.tsx'));
const ClinicPerson = lazy(() => import('./clinics/ClinicPerson.tsx'));
const InvitationConsent = lazy(() => import('./clinics/InvitationConsent.tsx'));

function page(node: ReactNode) {
  return <Suspense fallback={<Loading />}>{node}</Suspense>;
}

/** Signed-in pages: send anyone else to the login page, remembering where they were going. */
function RequireSession() {
  const { person, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!person)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

/** Pages for signed-out visitors; a signed-in person goes on to `?next=` or to Today. */
function RequireSignedOut() {
  const { person, loading } = useSession();
  const [params] = useSearchParams();
  if (loading) return <Loading />;
  if (person) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}

/**
 * `/`: Today for a signed-in person, the login page for someone who has signed in on this device
 * before, and for a first-time visitor a page saying what Gutbrain is.
 */
function Home() {
  const { person, loading } = useSession();
  if (loading) return <Loading />;
  if (person) return <Navigate to="/today" replace />;
  if (signedInBefore()) return <Navigate to="/login" replace />;
  return page(<Landing />);
}

const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        element: <RequireSignedOut />,
        children: [
          { path: '/login', element: page(<Login />) },
          { path: '/register', element: page(<Register />) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          { path: '/today', element: page(<Today />) },
          { path: '/history', element: page(<History />) },
          { path: '/settings', element: page(<Settings />) },
          // ROUTES: capabilities add their signed-in pages below this line.
          { path: '/clinic', element: page(<ClinicHome />) },
          { path: '/clinic/:clinicId', element: page(<Caseload />) },
          { path: '/clinic/:clinicId/team', element: page(<ClinicTeam />) },
          { path: '/clinic/:clinicId/people/:personId', element: page(<ClinicPerson />) },
          { path: '/insights', element: page(<Insights />) },
          { path: '/insights/week', element: page(<InsightsWeek />) },
          { path: '/data', element: page(<DataSharing />) },
          { path: '/clinician', element: page(<Clinician />) },
          { path: '/learn/quiz', element: page(<Quiz />) },
          { path: '/log', element: page(<Log />) },
          { path: '/programs', element: page(<Programs />) },
          { path: '/microbiome', element: page(<Microbiome />) },
          { path: '/microbiome/samples/:id', element: page(<MicrobiomeSample />) },
          { path: '/checks', element: page(<Checks />) },
          { path: '/checks/signals', element: page(<ChecksSignals />) },
          { path: '/checks/responses/:id', element: page(<ChecksResult />) },
          { path: '/checks/:instrument', element: page(<ChecksQuestionnaire />) },
        ],
      },
      { path: '/', element: <Home /> },
      // PUBLIC ROUTES: pages anyone may open (the support screen, Learn) go below this line.
      // An invitation link: signed out, it asks to sign in and comes back (the token stays after #).
      { path: '/clinic-invitation', element: page(<InvitationConsent />) },
      { path: '/support', element: page(<Support />) },
      { path: '/learn', element: page(<Learn />) },
      { path: '/learn/too-far', element: page(<LearnTooFar />) },
      { path: '/learn/:id', element: page(<LearnNode />) },
      { path: '*', element: page(<NotFound />) },
    ],
  },
];

// Every route shows RouteError when its page crashes or fails to load, keeping Get help reachable.
const router = createBrowserRouter(withErrorScreens(routes));

export function App() {
  return <RouterProvider router={router} />;
}
