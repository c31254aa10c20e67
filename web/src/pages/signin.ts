/** Signing in with a token (WCCD or CityNet staff, a certified city's officer): see ../auth.ts. */
import { claims, claimsOf, signIn, signOut, token, whoLabel } from '../auth';
import { h } from '../dom';
import type { PageContext } from '../main';
import { BASE, inProgressPath } from '../paths';

/** Where to go after signing in: a page of the dashboard, never another site. */
function nextPath(params: URLSearchParams): string {
  const next = params.get('next') ?? '';
  return next.startsWith(`${BASE}/`) && !next.startsWith('//') ? next : inProgressPath();
}

export function renderSignIn(ctx: PageContext, navigate: (href: string) => void): void {
  document.title = 'Sign in · CityNet–WCCD dashboard';
  const { main, params } = ctx;
  const next = nextPath(params);
  main.append(
    h('h1', {}, 'Sign in'),
    h(
      'p',
      { class: 'lede' },
      'Everything on this dashboard is public except the peer comparison, which is for WCCD and CityNet staff and the officers of currently certified cities. Sign in with the token you were given.',
    ),
  );
  if (token()) {
    main.append(
      h(
        'p',
        { id: 'signed-in-as' },
        `You are signed in as ${whoLabel(claims())}. `,
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              signOut();
              ctx.reload();
            },
          },
          'Sign out',
        ),
      ),
    );
  }
  const input = h('input', {
    id: 'staff-token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'staff-token-help',
  });
  const problem = h('p', { class: 'form-error', id: 'sign-in-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    {
      class: 'sign-in',
      'aria-labelledby': 'h-sign-in',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const value = input.value.trim().replace(/^Bearer\s+/i, '');
        const c = claimsOf(value);
        const fail = (message: string) => {
          problem.textContent = message;
          problem.hidden = false;
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        };
        if (!c) return fail('That is not a token: a token (a JWT) is three parts separated by dots.');
        if (c.exp !== undefined && c.exp * 1000 <= Date.now())
          return fail(`That token expired on ${new Date(c.exp * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
        if (!signIn(value)) return fail('This browser does not let the page keep the token (session storage is off).');
        navigate(next);
      },
    },
    h('h2', { id: 'h-sign-in' }, 'Staff token'),
    h('label', { for: 'staff-token' }, 'Token'),
    input,
    h(
      'p',
      { id: 'staff-token-help', class: 'note' },
      'Kept in this browser tab only (session storage, gone when the tab closes) and sent to the API with each request as a Bearer token; the API checks it and decides what it shows. In development, ',
      h('code', {}, 'npm run token -- --role WCCD_STAFF'),
      ' prints one.',
    ),
    problem,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
  );
  main.append(form);
  input.focus();
}
