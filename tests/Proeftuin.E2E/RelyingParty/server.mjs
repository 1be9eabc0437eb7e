// A relying party as an integration would build it, on openid-client (an OpenID Certified library): discovery, code +
// PKCE with state and nonce, ID-token validation, userinfo, refresh-token rotation, revocation and RP-initiated logout.
// Every step is reported as JSON in <pre id="report">, so the browser test asserts what the relying party saw.
//
// Start: node server.mjs CLIENT_ID CLIENT_SECRET. It listens on a free loopback port and prints "listening PORT";
// then it reads the provider's issuer URL as one line on stdin (the provider is started after it, because the
// provider must know this relying party's redirect URIs). The browser reaches it as http://localhost:PORT, another
// origin (and cookie host) than the provider's http://127.0.0.1:PORT.
import http from 'node:http';
import readline from 'node:readline';
import * as client from 'openid-client';

const [clientId, clientSecret] = process.argv.slice(2);
if (!clientId || !clientSecret) {
  console.error('usage: node server.mjs CLIENT_ID CLIENT_SECRET');
  process.exit(2);
}

const issuer = new Promise((resolve) => {
  const lines = readline.createInterface({ input: process.stdin });
  lines.once('line', (line) => resolve(new URL(line.trim())));
});
let configuration;
const pending = new Map(); // state -> { verifier, nonce }
let session; // the signed-in user's tokens (one browser, one user: this is a test relying party)

async function config() {
  // Plain HTTP only because the test provider runs on loopback without TLS.
  configuration ??= await client.discovery(await issuer, clientId, clientSecret, client.ClientSecretPost(clientSecret), {
    execute: [client.allowInsecureRequests],
  });
  return configuration;
}

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function page(response, status, title, report, link) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>
<h1>${escape(title)}</h1>
<pre id="report">${escape(JSON.stringify(report, null, 2))}</pre>
${link ? `<p><a id="next" href="${escape(link.href)}">${escape(link.text)}</a></p>` : ''}
</body></html>`);
}

/** The error a refused call gave, as the provider sent it ("invalid_grant"), or the message. */
async function refusal(call) {
  try {
    await call();
    return null;
  } catch (error) {
    return error.error ?? error.code ?? error.message;
  }
}

// Two rounds, because replaying a used refresh token makes the provider revoke that whole grant (its ID token too):
// /login?round=rotation exchanges, validates, reads userinfo, refreshes and replays the old refresh token;
// /login?round=revocation (the professional is still signed in at the provider, so no login pages) exchanges,
// revokes, and keeps the ID token of this grant for the end-session request.
async function login(base, url, response) {
  const round = url.searchParams.get('round') === 'revocation' ? 'revocation' : 'rotation';
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  pending.set(state, { verifier, nonce, round });
  const authorization = client.buildAuthorizationUrl(await config(), {
    redirect_uri: `${base}/callback`,
    scope: 'openid profile email offline_access',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  response.writeHead(302, { location: authorization.href }).end();
}

async function callback(base, url, response) {
  const cfg = await config();
  const state = url.searchParams.get('state');
  const checks = pending.get(state);
  if (!checks) {
    page(response, 400, 'Onbekende state', { error: 'unknown state', query: url.search });
    return;
  }

  pending.delete(state);
  const report = { code: url.searchParams.has('code') };

  // Code exchange with PKCE; openid-client validates the ID token (signature from jwks_uri, iss, aud, exp, nonce).
  const tokens = await client.authorizationCodeGrant(cfg, url, {
    pkceCodeVerifier: checks.verifier,
    expectedState: state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  report.idToken = { valid: true, sub: claims.sub, iss: claims.iss, aud: claims.aud, nonceMatched: claims.nonce === checks.nonce };
  report.refreshTokenIssued = typeof tokens.refresh_token === 'string';

  const userinfo = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
  report.userinfo = { sub: userinfo.sub, name: userinfo.name, email: userinfo.email, email_verified: userinfo.email_verified };

  if (checks.round === 'rotation') {
    // Refresh: a new refresh token and access token; the used refresh token is refused from then on.
    const refreshed = await client.refreshTokenGrant(cfg, tokens.refresh_token);
    const userinfoAfterRefresh = await client.fetchUserInfo(cfg, refreshed.access_token, claims.sub);
    report.refresh = {
      newAccessToken: refreshed.access_token !== tokens.access_token,
      newRefreshToken: typeof refreshed.refresh_token === 'string' && refreshed.refresh_token !== tokens.refresh_token,
      userinfoSubAfterRefresh: userinfoAfterRefresh.sub,
      oldRefreshTokenRefused: await refusal(() => client.refreshTokenGrant(cfg, tokens.refresh_token)),
    };
    page(response, 200, 'Ingelogd bij de relying party', report, { href: `${base}/login?round=revocation`, text: 'Opnieuw inloggen' });
    return;
  }

  // Revocation (RFC 7009) of the refresh token: it no longer refreshes.
  await client.tokenRevocation(cfg, tokens.refresh_token, { token_type_hint: 'refresh_token' });
  report.revocation = { revoked: true, refreshAfterRevocation: await refusal(() => client.refreshTokenGrant(cfg, tokens.refresh_token)) };
  session = { idToken: tokens.id_token };
  page(response, 200, 'Opnieuw ingelogd bij de relying party', report, { href: `${base}/logout`, text: 'Afmelden' });
}

async function logout(base, response) {
  const state = client.randomState();
  pending.set(state, { logout: true });
  const url = client.buildEndSessionUrl(await config(), {
    id_token_hint: session?.idToken ?? '',
    post_logout_redirect_uri: `${base}/signed-out`,
    state,
  });
  response.writeHead(302, { location: url.href }).end();
}

function signedOut(url, response) {
  const state = url.searchParams.get('state');
  const known = pending.get(state)?.logout === true;
  pending.delete(state);
  session = undefined;
  page(response, known ? 200 : 400, 'Afgemeld bij de relying party', { signedOut: known, state: known ? 'matched' : 'unknown' });
}

const server = http.createServer(async (request, response) => {
  const base = `http://${request.headers.host}`;
  const url = new URL(request.url, base);
  try {
    switch (url.pathname) {
      case '/login': return await login(base, url, response);
      case '/callback': return await callback(base, url, response);
      case '/logout': return await logout(base, response);
      case '/signed-out': return signedOut(url, response);
      default: return page(response, 404, 'Niet gevonden', { error: 'not found' });
    }
  } catch (error) {
    page(response, 500, 'Fout bij de relying party', { error: error.error ?? error.code ?? 'error', message: error.message, cause: error.cause?.message });
  }
});

server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.stdin.on('end', () => server.close());
