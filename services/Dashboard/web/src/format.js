// French formats (Intl, fr-FR, Europe/Paris): every figure is shown with its unit from the API's `unit`.
const nombre = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pourcentage = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const dateHeure = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Paris' });
const mois = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function valeur(value, unit) {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'euros': return euros.format(value);
    case 'pourcentage': return pourcentage.format(value / 100);
    case 'jours': return `${decimal.format(value)} ${Math.abs(value) >= 2 ? 'jours' : 'jour'}`;
    default: return nombre.format(value);
  }
}

export const unites = { nombre: 'nombre', euros: 'euros', pourcentage: '%', jours: 'jours' };

export function date(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateHeure.format(d);
}

/** "2020-01" → "janv. 2020"; any other period is shown as it comes. */
export function periode(period) {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? mois.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : period;
}

export const groupes = { tableau: 'Tableau de l’Ordre', discipline: 'Discipline', conventions: 'Conventions (IDAHE)', solidarite: 'Solidarité et entraide' };
