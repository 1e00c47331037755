// Sign-in with the identity provider (authorization code + PKCE S256, public client tableau-de-bord), through the
// gateway's /identity/connect/ route. The access token stays in sessionStorage (this tab only), never in a cookie.
const CLIENT_ID = 'tableau-de-bord';
const TOKEN = 'ordre.jeton';
const PENDING = 'ordre.connexion';
const AUTHORIZE = '/identity/connect/authorize';
const TOKEN_ENDPOINT = '/identity/connect/token';

const redirectUri = () => `${location.origin}/dashboard/`;

function base64Url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function signIn() {
  if (!crypto.subtle) throw new Error('Ce navigateur ne permet pas la connexion sécurisée sur cette adresse (utilisez https, localhost ou 127.0.0.1).');
  const verifier = random();
  const state = random();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    client_id: CLIENT_ID, response_type: 'code', redirect_uri: redirectUri(), scope: 'api', state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${AUTHORIZE}?${query}`);
}

/** After the redirect back: exchanges the code for a token (once), then cleans the address bar. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return;
  history.replaceState(null, '', location.pathname);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (query.has('error')) throw new Error(`La connexion a été refusée (${query.get('error_description') ?? query.get('error')}).`);
  if (!pending || pending.state !== query.get('state')) throw new Error('La réponse de connexion ne correspond pas à la demande : veuillez vous reconnecter.');
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: CLIENT_ID, code: query.get('code'),
      redirect_uri: redirectUri(), code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error('Le fournisseur d’identité a refusé le code de connexion : veuillez vous reconnecter.');
  const token = await response.json();
  sessionStorage.setItem(TOKEN, JSON.stringify({ value: token.access_token, expires: Date.now() + (token.expires_in ?? 900) * 1000 }));
}

export function token() {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN) ?? 'null');
  if (!stored || stored.expires <= Date.now() + 5000) return null;
  return stored.value;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}
