// The national council's dashboard (issue 14; API: docs/dashboard-web.md and the contract in docs/dashboard.md).
// Every datum comes from /dashboard/api/* with the bearer token; the page itself holds none.
import './style.css';
import { completeSignIn, signIn, signOut, token } from './auth.js';
import { clear, render } from './charts.js';
import { date, groupes, unites, valeur } from './format.js';

const $ = (id) => document.getElementById(id);

// For the browser tests and the benchmark: when figures were last drawn, and from which stream event.
const state = { year: null, loading: false, again: false, stream: null, renders: 0, lastEvent: null, lastRender: null, healthTimer: null };
window.ordreTableauDeBord = state;

class Refused extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(path, init = {}) {
  const jeton = token();
  if (!jeton) throw new Refused(401, 'Votre session a expiré : veuillez vous reconnecter.');
  const response = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${jeton}` }, cache: 'no-store' });
  if (response.status === 401) throw new Refused(401, 'Votre session a expiré : veuillez vous reconnecter.');
  if (response.status === 403) throw new Refused(403, 'Ce tableau de bord est réservé au Conseil national de l’Ordre des médecins : votre compte n’y a pas accès.');
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail ?? ''; } catch { /* not a problem document */ }
    throw new Refused(response.status, `Le service du tableau de bord ne répond pas comme prévu (${response.status}${detail ? ` : ${detail}` : ''}).`);
  }
  return response;
}

function message(text) {
  $('message').textContent = text ?? '';
  $('message').hidden = !text;
}

function showSignIn(text) {
  clearInterval(state.healthTimer);
  signOut();
  stopStream();
  $('tableau').hidden = true;
  $('sante').hidden = true;
  $('deconnexion').hidden = true;
  $('annee').disabled = true;
  $('connexion').hidden = false;
  message(text);
}

function failed(error) {
  if (error instanceof Refused && error.status === 401) return showSignIn(error.message);
  if (error instanceof Refused && error.status === 403) {
    stopStream();
    $('tableau').hidden = true;
    $('sante').hidden = true;
    return message(error.message);
  }
  message(error.message ?? String(error));
}

// ---- figures -------------------------------------------------------------------------------------------------

async function loadFigures() {
  if (state.loading) { state.again = true; return; }
  state.loading = true;
  try {
    do {
      state.again = false;
      const query = state.year ? `?year=${encodeURIComponent(state.year)}` : '';
      const figures = await (await api(`api/figures${query}`)).json();
      draw(figures);
    } while (state.again);
    message(null);
  } catch (error) {
    failed(error);
  } finally {
    state.loading = false;
  }
}

function fillYears(selected) {
  const select = $('annee');
  const current = Number(new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date()));
  if (select.options.length === 0) {
    for (let y = current; y >= 2020; y -= 1) select.append(new Option(String(y), String(y)));
  }
  if (![...select.options].some((o) => o.value === String(selected))) select.append(new Option(String(selected), String(selected)));
  select.value = String(selected);
  select.disabled = false;
}

function draw(data) {
  state.year = data.year;
  fillYears(data.year);
  $('calcule-le').dateTime = data.computedAt;
  $('calcule-le').textContent = date(data.computedAt);

  const cards = $('chiffres');
  cards.replaceChildren();
  const byGroup = Map.groupBy ? Map.groupBy(data.figures, (f) => f.group) : data.figures.reduce((m, f) => m.set(f.group, [...(m.get(f.group) ?? []), f]), new Map());
  for (const [group, figures] of byGroup) {
    const section = document.createElement('section');
    section.className = 'groupe';
    section.dataset.group = group;
    const h3 = document.createElement('h3');
    h3.textContent = groupes[group] ?? group;
    const list = document.createElement('ul');
    list.className = 'cartes';
    for (const f of figures) list.append(card(f));
    section.append(h3, list);
    cards.append(section);
  }

  const graphs = $('graphiques');
  for (const s of data.series ?? []) render(graphs, 'series', s);
  for (const b of data.breakdowns ?? []) render(graphs, 'breakdowns', b);

  departments(data);
  headcount(data.headcount);
  state.renders += 1;
  state.lastRender = performance.now();
  document.body.dataset.rendus = String(state.renders);
}

function card(f) {
  const li = document.createElement('li');
  li.className = 'carte';
  li.dataset.key = f.key;
  const label = document.createElement('p');
  label.className = 'libelle';
  label.id = `chiffre-${f.key}`;
  label.textContent = f.label;
  const value = document.createElement('p');
  value.className = 'valeur';
  value.dataset.role = 'value';
  value.dataset.value = String(f.value);
  value.setAttribute('aria-describedby', label.id);
  value.textContent = valeur(f.value, f.unit);
  const details = document.createElement('p');
  details.className = 'reference';
  details.textContent = `Unité : ${unites[f.unit] ?? f.unit} · Référence 2020 : ${f.reference2020 === null || f.reference2020 === undefined ? 'non disponible' : valeur(f.reference2020, f.unit)}`;
  li.append(label, value, details);
  if (f.source === 'saisie-manuelle') {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = 'saisie manuelle';
    li.append(badge);
  }
  return li;
}

function departments(data) {
  const table = $('departements');
  const keys = [...new Set((data.departments ?? []).flatMap((d) => Object.keys(d.values ?? {})))];
  const labels = new Map(data.figures.map((f) => [f.key, f]));
  const head = document.createElement('tr');
  for (const text of ['Code', 'Département', 'Région', ...keys.map((k) => labels.get(k)?.label ?? k)]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...(data.departments ?? []).map((d) => {
    const row = document.createElement('tr');
    row.dataset.code = d.code;
    const code = document.createElement('th');
    code.scope = 'row';
    code.textContent = d.code;
    row.append(code);
    for (const text of [d.name, d.region]) row.append(Object.assign(document.createElement('td'), { textContent: text ?? '' }));
    for (const k of keys) {
      const td = document.createElement('td');
      td.className = 'nombre';
      td.dataset.key = k;
      td.textContent = valeur(d.values?.[k] ?? 0, labels.get(k)?.unit ?? 'nombre');
      row.append(td);
    }
    return row;
  }));
}

/** The Tableau's headcount: one row per department, one column per status, « Au Tableau » (the statuses on the roll), a national total. */
function headcount(h) {
  const table = $('effectif');
  const note = $('effectif-compte');
  if (!h) {
    note.textContent = 'Aucun comptage de l’effectif dans l’année.';
    table.tHead.replaceChildren();
    table.tBodies[0].replaceChildren();
    table.tFoot.replaceChildren();
    return;
  }
  note.textContent = `Compté le ${date(h.countedAt)}.`;
  const cell = (tag, text, attributes = {}) => Object.assign(document.createElement(tag), { textContent: text }, attributes);
  const head = document.createElement('tr');
  for (const text of ['Code', 'Département', 'Région', 'Au Tableau', ...h.statuses.map((s) => s.label)]) head.append(cell('th', text, { scope: 'col' }));
  table.tHead.replaceChildren(head);
  const numbers = (row, onTheRoll, statuses) => {
    row.append(cell('td', valeur(onTheRoll, 'nombre'), { className: 'nombre total' }));
    for (const s of h.statuses) {
      const td = cell('td', valeur(statuses[s.key] ?? 0, 'nombre'), { className: 'nombre' });
      td.dataset.status = s.key;
      row.append(td);
    }
  };
  table.tBodies[0].replaceChildren(...h.departments.map((d) => {
    const row = document.createElement('tr');
    row.dataset.code = d.code;
    row.append(cell('th', d.code, { scope: 'row' }), cell('td', d.name ?? ''), cell('td', d.region ?? ''));
    numbers(row, d.onTheRoll, d.statuses);
    return row;
  }));
  const total = document.createElement('tr');
  total.append(cell('th', 'France entière', { scope: 'row', colSpan: 3 }));
  numbers(total, h.statuses.filter((s) => s.onTheRoll).reduce((sum, s) => sum + (h.totals[s.key] ?? 0), 0), h.totals);
  table.tFoot.replaceChildren(total);
}

// ---- live: server-sent events read with fetch (EventSource cannot send the bearer token) ----------------------

function live(text) {
  $('direct').textContent = text;
  $('direct').dataset.state = text === 'En direct' ? 'connecte' : 'deconnecte';
}

function stopStream() {
  state.stream?.abort();
  state.stream = null;
  live('Hors ligne');
}

async function stream() {
  stopStream();
  const controller = new AbortController();
  state.stream = controller;
  let delay = 1000;
  while (!controller.signal.aborted) {
    try {
      const response = await api('api/stream', { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
      live('En direct');
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof Refused && (error.status === 401 || error.status === 403)) return failed(error);
    }
    if (controller.signal.aborted) return;
    live('Reconnexion…');
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 10000);
  }
}

/** One SSE event block: `event:` and `data:` lines; comment lines (`: keep-alive`) are ignored. */
function dispatch(block) {
  let event = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event !== 'figures') return;
  state.lastEvent = { at: performance.now(), data: data.join('\n') };
  loadFigures();
  loadHealth();
}

// ---- health panel ----------------------------------------------------------------------------------------------

async function loadHealth() {
  try {
    const health = await (await api('api/health')).json();
    $('sante').hidden = false;
    const errors = (health.queues ?? []).filter((q) => q.isError && q.messages > 0);
    $('sante-etat').textContent = errors.length
      ? `${errors.length} file(s) d’erreur non vide(s) — vérifiée le ${date(health.checkedAt)}`
      : `Aucune file d’erreur non vide — vérifiée le ${date(health.checkedAt)}`;
    $('sante-etat').className = errors.length ? 'alerte' : 'ok';
    $('files').tBodies[0].replaceChildren(...(health.queues ?? []).map((q) => {
      const row = document.createElement('tr');
      row.dataset.queue = q.name;
      const bad = q.isError && q.messages > 0;
      if (bad) row.className = 'alerte';
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = q.name;
      row.append(name,
        Object.assign(document.createElement('td'), { className: 'nombre', textContent: valeur(q.messages, 'nombre') }),
        Object.assign(document.createElement('td'), { className: 'nombre', textContent: valeur(q.consumers, 'nombre') }),
        Object.assign(document.createElement('td'), { textContent: bad ? 'En erreur : messages à traiter' : q.isError ? 'File d’erreur vide' : 'Normal' }));
      return row;
    }));
    $('projections').tBodies[0].replaceChildren(...(health.services ?? []).flatMap((s) => (s.projections?.length ? s.projections : [null]).map((p) => {
      const row = document.createElement('tr');
      const lag = p ? Math.max(0, (p.highWater ?? 0) - (p.sequence ?? 0)) : null;
      for (const text of [s.service, s.daemonLeader ?? 'aucun leader', p?.name ?? '—', p ? `${valeur(p.sequence, 'nombre')} / ${valeur(p.highWater, 'nombre')}` : '—', lag === null ? '—' : valeur(lag, 'nombre')]) {
        row.append(Object.assign(document.createElement('td'), { textContent: text }));
      }
      return row;
    })));
  } catch (error) {
    if (error instanceof Refused && (error.status === 401 || error.status === 403)) return failed(error);
    $('sante').hidden = false;
    $('sante-etat').textContent = `L’état du système n’est pas disponible : ${error.message}`;
    $('sante-etat').className = 'alerte';
  }
}

// ---- start -----------------------------------------------------------------------------------------------------

async function start() {
  $('se-connecter').addEventListener('click', () => signIn().catch((e) => message(e.message)));
  $('deconnexion').addEventListener('click', () => showSignIn('Vous êtes déconnecté.'));
  $('annee').addEventListener('change', (e) => { state.year = e.target.value; clear(); $('graphiques').replaceChildren(); loadFigures(); });
  try {
    await completeSignIn();
  } catch (error) {
    return showSignIn(error.message);
  }
  if (!token()) return showSignIn(null);
  $('connexion').hidden = true;
  $('deconnexion').hidden = false;
  $('tableau').hidden = false;
  await loadFigures();
  if ($('tableau').hidden) return;
  loadHealth();
  state.healthTimer = setInterval(loadHealth, 5000);
  stream();
}

start();
