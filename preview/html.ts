/**
 * The preview's pages as HTML: a Lightning Experience-like shell (global header, the
 * "Partner Program" app with its navigation tabs, a user switcher), list pages and record pages
 * whose regions hold slots the browser fills with the project's components.
 */
import type { PlacedComponent, RecordPageLayout } from './flexipages.ts';
import type { PreviewPersona } from './users.ts';

export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
  );

export interface ShellContext {
  title: string;
  activeTab: 'Opportunity' | 'Account';
  persona: PreviewPersona;
  personas: PreviewPersona[];
  user: { id: string; name: string };
  path: string;
  /** Data the bundle reads before it runs (`globalThis.ppkPreview`). */
  withBundle: boolean;
}

const tabs: { object: 'Opportunity' | 'Account'; label: string }[] = [
  { object: 'Opportunity', label: 'Opportunities' },
  { object: 'Account', label: 'Accounts' }
];

export function shell(context: ShellContext, body: string): string {
  const options = context.personas
    .map(
      (p) =>
        `<option value="${p.key}"${p.key === context.persona.key ? ' selected' : ''}>${escapeHtml(p.label)}</option>`
    )
    .join('');
  const nav = tabs
    .map(
      (tab) =>
        `<li class="slds-context-bar__item${tab.object === context.activeTab ? ' slds-is-active' : ''}"><a href="/lightning/o/${tab.object}/list" class="slds-context-bar__label-action" title="${tab.label}"><span class="slds-truncate">${tab.label}</span></a></li>`
    )
    .join('');
  const preview = JSON.stringify({
    user: { id: context.user.id, name: context.user.name, persona: context.persona.key }
  }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(context.title)} | Partner Program</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
  body { background: #b0c4df; min-height: 100vh; }
  .ppk-header { background: #fff; position: static; }
  .ppk-page { padding: 0.75rem; }
  .ppk-region > * + * { display: block; margin-top: 0.75rem; }
  .ppk-standard { padding: 0.75rem; }
  #ppk-toasts { position: fixed; top: 4rem; left: 0; right: 0; z-index: 9000; display: flex; flex-direction: column; align-items: center; }
  #ppk-toasts .slds-notify_toast { min-width: 30rem; }
</style>
</head>
<body>
<header class="slds-global-header_container ppk-header">
  <div class="slds-global-header slds-grid slds-grid_align-spread">
    <div class="slds-global-header__item"><span class="slds-text-heading_small"><strong>Partner Program Kit</strong> · local preview</span></div>
    <div class="slds-global-header__item">
      <form method="post" action="/preview/user" class="slds-form-element slds-form-element_horizontal">
        <label class="slds-form-element__label" for="ppk-user">Viewing as</label>
        <div class="slds-form-element__control"><div class="slds-select_container">
          <select class="slds-select" id="ppk-user" name="persona" onchange="this.form.submit()">${options}</select>
        </div></div>
        <input type="hidden" name="back" value="${escapeHtml(context.path)}">
        <noscript><button class="slds-button slds-button_neutral">Switch</button></noscript>
      </form>
    </div>
  </div>
  <div class="slds-context-bar">
    <div class="slds-context-bar__primary"><div class="slds-context-bar__item slds-no-hover"><span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate" title="Partner Program">Partner Program</span></span></div></div>
    <nav class="slds-context-bar__secondary" role="navigation"><ul class="slds-grid">${nav}</ul></nav>
  </div>
</header>
<div id="ppk-toasts" class="slds-notify_container" aria-live="polite"></div>
<main class="ppk-page">${body}</main>
${context.withBundle ? `<script>globalThis.ppkPreview = ${preview};</script>\n<script type="module" src="/app.js"></script>` : ''}
</body>
</html>`;
}

export interface ListColumn {
  field: string;
  label: string;
}

export function listPage(
  objectLabel: string,
  objectApiName: string,
  columns: ListColumn[],
  records: Record<string, unknown>[]
): string {
  const head = columns
    .map(
      (c) =>
        `<th scope="col"><div class="slds-truncate" title="${escapeHtml(c.label)}">${escapeHtml(c.label)}</div></th>`
    )
    .join('');
  const rows = records
    .map((record) => {
      const cells = columns
        .map((c, i) => {
          const value = escapeHtml(readPath(record, c.field) ?? '');
          return i === 0
            ? `<th scope="row"><a href="/lightning/r/${objectApiName}/${escapeHtml(record.Id)}/view">${value}</a></th>`
            : `<td><div class="slds-truncate">${value}</div></td>`;
        })
        .join('');
      return `<tr class="slds-hint-parent">${cells}</tr>`;
    })
    .join('');
  return `<article class="slds-card">
  <div class="slds-page-header"><div class="slds-page-header__row"><div class="slds-page-header__col-title">
    <span class="slds-page-header__title slds-truncate">${escapeHtml(objectLabel)}</span>
    <p class="slds-page-header__meta-text">${records.length} item(s)</p>
  </div></div></div>
  <table class="slds-table slds-table_cell-buffer slds-table_bordered" aria-label="${escapeHtml(objectLabel)}">
    <thead><tr class="slds-line-height_reset">${head}</tr></thead><tbody>${rows}</tbody>
  </table>
</article>`;
}

/** `Account.Name` read from a SOQL record with nested relationship objects. */
export function readPath(record: Record<string, unknown>, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    current =
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  return current;
}

export interface RecordField {
  label: string;
  value: string;
  /** A looked-up record's page. */
  href?: string;
}

export interface RelatedList {
  label: string;
  records: RecordField[];
}

export interface RecordView {
  objectApiName: string;
  objectLabel: string;
  recordId: string;
  name: string;
  highlights: RecordField[];
  details: RecordField[];
  relatedLists?: RelatedList[];
}

const fieldValue = (field: RecordField): string =>
  field.href
    ? `<a href="${escapeHtml(field.href)}">${escapeHtml(field.value)}</a>`
    : escapeHtml(field.value);

function standardComponent(component: PlacedComponent, record: RecordView): string {
  if (component.name === 'force:recordDetails' || component.name === 'force:detailPanel') {
    const rows = record.details
      .map(
        (d) =>
          `<div class="slds-form-element slds-form-element_readonly slds-form-element_stacked"><span class="slds-form-element__label">${escapeHtml(d.label)}</span><div class="slds-form-element__control"><div class="slds-form-element__static">${fieldValue(d)}</div></div></div>`
      )
      .join('');
    return `<article class="slds-card ppk-standard" data-standard="${escapeHtml(component.name)}"><h2 class="slds-card__header-title slds-m-bottom_small">Details</h2>${rows}</article>`;
  }
  if (component.name === 'force:highlightsPanel') return '';
  if (component.name === 'force:relatedListContainer') {
    return (record.relatedLists ?? [])
      .map((list) => {
        const items = list.records
          .map((r) => `<li class="slds-item">${fieldValue(r)}</li>`)
          .join('');
        return `<article class="slds-card ppk-standard" data-related-list="${escapeHtml(list.label)}"><h2 class="slds-card__header-title slds-m-bottom_x-small">${escapeHtml(list.label)} (${list.records.length}${list.records.length === 6 ? '+' : ''})</h2><ul class="slds-has-dividers_bottom-space">${items}</ul></article>`;
      })
      .join('');
  }
  return `<article class="slds-card ppk-standard" data-standard="${escapeHtml(component.name)}"><p class="slds-text-color_weak">Standard component ${escapeHtml(component.name)} (shown by Lightning Experience; not rendered in the preview)</p></article>`;
}

function slot(component: PlacedComponent, record: RecordView): string {
  if (!component.name.startsWith('c:')) return standardComponent(component, record);
  const properties = {
    ...component.properties,
    recordId: record.recordId,
    objectApiName: record.objectApiName
  };
  return `<div data-component="${escapeHtml(component.name.slice(2))}" data-properties="${escapeHtml(JSON.stringify(properties))}"></div>`;
}

export function recordPage(record: RecordView, layout: RecordPageLayout): string {
  const highlights = record.highlights
    .map(
      (h) =>
        `<li class="slds-page-header__detail-block"><div class="slds-text-title slds-truncate">${escapeHtml(h.label)}</div><div class="slds-truncate">${fieldValue(h)}</div></li>`
    )
    .join('');
  const region = (name: string) => layout.regions.find((r) => r.name === name);
  const header = region('header');
  const sidebar = region('sidebar') ?? region('right');
  const main = layout.regions.filter((r) => r !== header && r !== sidebar);
  const column = (regions: typeof main) =>
    regions
      .map(
        (r) =>
          `<div class="ppk-region" data-region="${escapeHtml(r.name)}">${r.components.map((c) => slot(c, record)).join('')}</div>`
      )
      .join('');
  return `<div class="slds-page-header slds-page-header_record-home slds-m-bottom_small">
  <div class="slds-page-header__row"><div class="slds-page-header__col-title"><div class="slds-media"><div class="slds-media__body">
    <span class="slds-page-header__name-meta">${escapeHtml(record.objectLabel)}</span>
    <h1 class="slds-page-header__title slds-truncate" title="${escapeHtml(record.name)}">${escapeHtml(record.name)}</h1>
  </div></div></div></div>
  <div class="slds-page-header__row slds-page-header__row_gutters"><div class="slds-page-header__col-details"><ul class="slds-page-header__detail-row">${highlights}</ul></div></div>
</div>
${header ? column([header]) : ''}
<div class="slds-grid slds-gutters_x-small slds-wrap" data-layout="${escapeHtml(layout.source)}">
  <div class="slds-col slds-size_1-of-1 slds-large-size_8-of-12">${column(main)}</div>
  <div class="slds-col slds-size_1-of-1 slds-large-size_4-of-12">${sidebar ? column([sidebar]) : ''}</div>
</div>`;
}

export function messagePage(title: string, message: string): string {
  return `<article class="slds-card"><div class="slds-card__body slds-card__body_inner slds-p-around_medium"><h1 class="slds-text-heading_medium">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></div></article>`;
}
