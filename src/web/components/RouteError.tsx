/**
 * The screen a page shows when it crashes or its code fails to load (a lazy chunk gone after a
 * deploy, a dropped connection): never React Router's default screen, and always a way to Get help.
 * The links are plain `<a href>` so they load the app afresh: after a deploy the old page's chunks
 * are gone, and a client-side link to Get help could fail the same way.
 */
import type { RouteObject } from 'react-router';
import { useRouteError } from 'react-router';

/** Chromium, Firefox and Safari's words for a dynamic import that did not load. */
const CHUNK_FAILED =
  /dynamically imported module|Importing a module script failed|error loading dynamically/i;

export function RouteError() {
  const error = useRouteError();
  const notLoaded = error instanceof Error && CHUNK_FAILED.test(error.message);
  return (
    <section className="state state-error route-error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">This page could not be shown</h1>
      <p>
        {notLoaded
          ? 'Part of Gutbrain did not load: it may just have been updated, or the connection dropped.'
          : 'Something went wrong on our side while showing this page.'}{' '}
        Nothing you saved is lost. Reloading usually fixes it.
      </p>
      <p>
        If you are in danger or might act on thoughts of harming yourself, call your local emergency number
        now.
      </p>
      <div className="state-action">
        <a className="button" href="/support">
          Get help now
        </a>{' '}
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          Reload this page
        </button>{' '}
        <a className="button secondary" href="/today">
          Go to Today
        </a>
      </div>
    </section>
  );
}

/** Gives every route (and every nested one) the error screen, unless it names its own. */
export function withErrorScreens(routes: RouteObject[]): RouteObject[] {
  return routes.map((route) =>
    route.index
      ? { errorElement: <RouteError />, ...route }
      : {
          errorElement: <RouteError />,
          ...route,
          children: route.children && withErrorScreens(route.children),
        },
  );
}
