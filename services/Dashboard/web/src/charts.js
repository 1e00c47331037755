// Charts with Chart.js (only the parts used are bundled). Each chart is a canvas with a French text alternative
// (aria-label) and its data in a table under a <details>, so the figures are readable without the picture.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { periode, valeur } from './format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.locale = 'fr-FR';
Chart.defaults.animation = false;
Chart.defaults.color = '#1b1b1b';
Chart.defaults.font.family = 'system-ui, sans-serif';

const BLEU = '#00358e';
const charts = new Map();

/** Creates or updates the chart of one series (points by period) or breakdown (items in order). */
export function render(container, kind, item) {
  const labels = kind === 'series' ? item.points.map((p) => periode(p.period)) : item.items.map((i) => i.label);
  const values = kind === 'series' ? item.points.map((p) => p.value) : item.items.map((i) => i.value);
  const id = `${kind}-${item.key}`;
  let entry = charts.get(id);
  if (!entry || !entry.figure.isConnected) {
    const figure = document.createElement('figure');
    figure.className = 'graphique';
    figure.dataset.key = item.key;
    const caption = document.createElement('figcaption');
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    const details = document.createElement('details');
    details.innerHTML = '<summary>Voir les données</summary><table><thead><tr><th scope="col"></th><th scope="col">Valeur</th></tr></thead><tbody></tbody></table>';
    figure.append(caption, canvas, details);
    container.append(figure);
    const chart = new Chart(canvas, {
      type: kind === 'series' ? 'line' : 'bar',
      data: { labels, datasets: [{ label: item.label, data: values, borderColor: BLEU, backgroundColor: kind === 'series' ? BLEU : '#3d6fd1', tension: 0.2 }] },
      options: {
        indexAxis: kind === 'series' ? 'x' : 'y',
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => valeur(ctx.parsed[kind === 'series' ? 'y' : 'x'], item.unit) } },
        },
        scales: { [kind === 'series' ? 'y' : 'x']: { beginAtZero: true, ticks: { callback: (v) => valeur(v, item.unit) } } },
      },
    });
    entry = { figure, caption, canvas, details, chart };
    charts.set(id, entry);
  } else {
    entry.chart.data.labels = labels;
    entry.chart.data.datasets[0].data = values;
    entry.chart.update('none');
  }
  entry.caption.textContent = item.label;
  entry.details.querySelector('th').textContent = kind === 'series' ? 'Mois' : 'Catégorie';
  entry.canvas.setAttribute('aria-label', `${item.label} : ${labels.map((l, i) => `${l} ${valeur(values[i], item.unit)}`).join(', ') || 'aucune donnée'}`);
  const body = entry.details.querySelector('tbody');
  body.replaceChildren(...labels.map((l, i) => {
    const row = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = l;
    const td = document.createElement('td');
    td.textContent = valeur(values[i], item.unit);
    row.append(th, td);
    return row;
  }));
}

export function clear() {
  for (const entry of charts.values()) entry.chart.destroy();
  charts.clear();
}
