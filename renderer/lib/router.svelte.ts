// Which view is on screen, kept in the URL hash so that reload, Back and Forward keep the place:
// #/briefing, #/library, #/search?q=…, #/article/12.
export type Route =
  | { view: 'briefing' }
  | { view: 'library' }
  | { view: 'search'; q: string }
  | { view: 'article'; id: number; passage?: [number, number] }
  // A saved search and its new matches (issue 4): #/saved/3
  | { view: 'saved'; id: number }
  | { view: 'notes' }; // notes view (issue 6)

/** Reads a hash; anything unknown lands on the briefing, the app's home. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'library') return { view: 'library' };
  if (parts[0] === 'notes') return { view: 'notes' }; // notes view (issue 6)
  if (parts[0] === 'search') return { view: 'search', q: new URLSearchParams(query).get('q') ?? '' };
  if (parts[0] === 'article' && /^\d+$/.test(parts[1] ?? '')) {
    // A key point of the briefing opens its article at the sentence it quotes: #/article/12?start=40&end=160.
    const q = new URLSearchParams(query);
    const start = Number(q.get('start'));
    const end = Number(q.get('end'));
    const passage: [number, number] | undefined = q.has('start') && Number.isInteger(start) && Number.isInteger(end) && end > start ? [start, end] : undefined;
    return passage ? { view: 'article', id: Number(parts[1]), passage } : { view: 'article', id: Number(parts[1]) };
  }
  if (parts[0] === 'saved' && /^\d+$/.test(parts[1] ?? '')) return { view: 'saved', id: Number(parts[1]) };
  return { view: 'briefing' };
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'briefing': return '#/briefing';
    case 'library': return '#/library';
    case 'search': return route.q ? `#/search?${new URLSearchParams({ q: route.q })}` : '#/search';
    case 'article': return route.passage ? `#/article/${route.id}?start=${route.passage[0]}&end=${route.passage[1]}` : `#/article/${route.id}`;
    case 'saved': return `#/saved/${route.id}`;
    case 'notes': return '#/notes'; // notes view (issue 6)
  }
}

export const articleHref = (id: number): string => hrefOf({ view: 'article', id });
export const passageHref = (id: number, start: number, end: number): string => hrefOf({ view: 'article', id, passage: [start, end] });

class Router {
  route = $state.raw<Route>(parseHash(location.hash));
  /** Bumped on every navigation, so views can move focus to their heading. */
  navigations = $state(0);

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseHash(location.hash);
      this.navigations += 1;
    });
  }

  go(route: Route): void {
    location.hash = hrefOf(route);
  }

  /** Updates the URL without a history entry (the search box as you type). */
  replace(route: Route): void {
    history.replaceState(history.state, '', hrefOf(route));
    this.route = route;
  }
}

export const router = new Router();
